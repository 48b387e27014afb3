/** The 龙虎榜's six categories (DESIGN §2); a contest may name another. */
export const LONGHUBANG_CATEGORIES = [
  '七项战略行动',
  '重点工业项目',
  '两城同建',
  '保障类',
  '社会工作',
  '建设秀美新沂水',
] as const;
