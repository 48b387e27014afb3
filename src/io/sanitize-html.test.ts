import { describe, expect, it } from 'vitest';
import { sanitizePracticeHtml as clean } from './sanitize-html.ts';

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
