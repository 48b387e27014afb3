import sanitize from 'sanitize-html';

/**
 * The only HTML a practice (经验做法) may hold: text structure, links to the web, and images
 * served by Leitai itself. No scripts, event handlers, javascript: links, frames, forms or
 * style sheets; of inline styles only text alignment survives.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
    'hr',
  ],
  allowedAttributes: {
    // rel and target are set by transformTags below, whatever came in.
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    '*': ['style'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center|justify)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Images only from Leitai's own public image store, never from elsewhere (no tracking pixels).
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !/^\/api\/v1\/public\/images\/\d+$/.test(frame.attribs.src ?? ''),
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
  },
  disallowedTagsMode: 'discard',
};

/** Sanitises a practice's HTML on the server: whatever the browser sent, only this survives. */
export function sanitizePracticeHtml(html: string): string {
  return sanitize(html, OPTIONS).trim();
}

// Elements that end a line of text; each becomes a <br>, and so a space, in htmlToText.
const BLOCKS = [
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'li',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'table',
];

const TEXT_ONLY: sanitize.IOptions = {
  allowedTags: ['br'],
  allowedAttributes: {},
  transformTags: Object.fromEntries(BLOCKS.map((tag) => [tag, 'br'])),
};

/**
 * HTML as one line of plain text, by sanitize-html: every entity decoded (named and numeric, not
 * a handful), the content of script and style dropped, a space where a block ends and none where
 * an inline element does (加<strong>强</strong> stays 加强). Its output escapes &, < and >
 * and keeps only <br /> as a tag, so the three are undone after the breaks become spaces.
 */
export function htmlToText(html: string): string {
  return sanitize(html, TEXT_ONLY)
    .replace(/<br \/>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
