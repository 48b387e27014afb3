/**
 * A small bundled list of the passwords guessed first (lower case): the top of the public leak
 * lists, the usual Chinese ones (pinyin, 520/1314 love numbers, QQ), and words of this domain.
 * Trivial patterns (repeats, runs, keyboard rows) are caught by rule, not listed.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `password passw0rd passwd pass admin administrator root toor guest user login welcome hello
  letmein trustno1 iloveyou monkey dragon master sunshine princess football baseball soccer
  shadow superman batman michael jennifer jordan hunter ranger buster thomas charlie
  freedom whatever starwars computer internet server secret changeme default test testing
  qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm qazwsx qazwsxedc 1qaz2wsx 1q2w3e4r 1q2w3e4r5t
  abc123 abcd1234 a123456 a1234567 a12345678 aa123456 qq123456 q1w2e3r4 zaq12wsx
  woaini woaini1314 woaini520 wo5201314 5201314 1314520 520520 521521 woshishui
  iloveyou1314 nihao nihao123 zhangwei wangwei liwei liuyang lijun zhang wang chen
  huang zhao zhou baobao beibei xiaoming xiaohong shanghai beijing zhongguo china
  china123 aini1314 caonima mima mimamima 123qwe qwe123 111qqq woaiwojia
  leitai dabi dalei zuzhibu kaoheban zhengfu gongzuo danwei xianwei shengzheng
  yishui linyi shandong admin123 admin888 root123 test123 guest123 user123 pass123
  password1 password123 welcome1 monkey123 dragon123 letmein1 master123 hello123
  1234 12345 123456 1234567 12345678 123456789 1234567890 0123456789 987654321 654321
  111111 000000 888888 666666 123123 112233 121212 123321 147258 159753 147258369
  11111111 88888888 66666666 00000000 12341234 11223344 13579 2468 ilovechina
  iloveu loveyou lovely sweet angel baby honey summer winter spring autumn flower
  apple orange banana google baidu taobao tencent weixin wechat alipay`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
