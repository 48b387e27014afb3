import { describe, expect, it } from 'vitest';
import { sanitizePracticeHtml as clean, htmlToText } from './sanitize-html.ts';

describe('sanitizePracticeHtml', () => {
  it.each([
    ['script tags', '<p>好</p><script>alert(1)</script>', '<p>好</p>'],
    ['script in odd case', '<ScRiPt src="//evil"></ScRiPt><p>x</p>', '<p>x</p>'],
    ['event handlers', '<p onclick="steal()" onmouseover="x()">点击</p>', '<p>点击</p>'],
    [
      'img onerror',
      '<img src="/api/v1/public/images/3" onerror="alert(1)">',
      '<img src="/api/v1/public/images/3" />',
    ],
    [
      'javascript: links',
      '<a href="javascript:alert(1)">链接</a>',
      '<a rel="noopener noreferrer nofollow" target="_blank">链接</a>',
    ],
    [
      'javascript: with entities',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    ],
    [
      'data: links',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    ],
    ['style elements', '<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
    [
      'CSS tricks in style attributes',
      '<p style="position:fixed;top:0;background:url(javascript:alert(1))">x</p>',
      '<p>x</p>',
    ],
    ['CSS expression', '<span style="width: expression(alert(1))">x</span>', '<span>x</span>'],
    [
      'iframes and forms',
      '<iframe src="https://evil"></iframe><form action="/x"><input name="a"></form>',
      '',
    ],
    ['foreign images (tracking pixels)', '<img src="https://evil.example/pixel.gif">', ''],
    ['svg with script', '<svg><script>alert(1)</script></svg>', ''],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil">', ''],
  ])('removes %s', (_what, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it('keeps the structure of a real write-up', () => {
    const html =
      '<h2>清源河畔的“先锋擂台”</h2><p style="text-align:center">72处村级活动场所<strong>全面升级</strong></p>' +
      '<ul><li>党支部领办合作社</li></ul><img src="/api/v1/public/images/12" alt="现场"><a href="https://www.yishui.gov.cn/">沂水县政府</a>';
    expect(clean(html)).toBe(
      '<h2>清源河畔的“先锋擂台”</h2><p style="text-align:center">72处村级活动场所<strong>全面升级</strong></p>' +
        '<ul><li>党支部领办合作社</li></ul><img src="/api/v1/public/images/12" alt="现场" />' +
        '<a href="https://www.yishui.gov.cn/" rel="noopener noreferrer nofollow" target="_blank">沂水县政府</a>',
    );
  });
});

describe('htmlToText', () => {
  it.each([
    ['tags to spaces', '<p>第一段</p><p>第二段<strong>加粗</strong></p>', '第一段 第二段加粗'],
    [
      'named and numeric entities',
      '<p>A&amp;B &lt;c&gt; &ldquo;引&rdquo;&#12290;&#x4e2d;</p>',
      'A&B <c> “引”。中',
    ],
    ['escaped markup stays text', '<p>&amp;lt;b&amp;gt;</p>', '&lt;b&gt;'],
    [
      'script and style content dropped',
      '<style>p{}</style><script>x()</script><p>正文</p>',
      '正文',
    ],
    ['a > inside an attribute', '<img alt="a>b" src="/x"><p>文</p>', '文'],
    [
      'inline elements join, lists and cells part',
      '<ul><li>一</li><li>二</li></ul><table><tr><td>三</td><td>四</td></tr></table>',
      '一 二 三 四',
    ],
    ['non-breaking spaces collapse', '<p>甲&nbsp;&nbsp;\n 乙</p>', '甲 乙'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
