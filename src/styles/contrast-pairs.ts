/**
 * Every text colour the app draws on a background, by token name (src/styles/_tokens.scss). The
 * contrast test checks each pair in both palettes, so a pair added here is held to 4.5:1 in light and
 * dark alike. Add a line when a style puts a token's text on a token's background.
 */
export interface ContrastPair {
  text: string;
  on: string;
  /** Where the pair appears, for the failure message. */
  where: string;
}

const pair = (text: string, on: string, where: string): ContrastPair => ({ text, on, where });

export const contrastPairs: ContrastPair[] = [
  // Body text, secondary text and hints on the page, on cards, on pressed rows and in fields.
  ...['bg', 'card', 'pressed', 'primary-soft', 'field'].flatMap((on) => [
    pair('text', on, 'body text'),
    pair('text-2', on, 'secondary text'),
    pair('text-3', on, 'hints, times, placeholders'),
  ]),
  // Links, ghost buttons, the selected chip and tab label.
  pair('primary', 'card', 'links and ghost buttons'),
  pair('primary', 'bg', 'links on the page'),
  pair('primary', 'primary-soft', 'selected chip, subscribe button'),
  pair('primary', 'field', 'links next to fields'),
  // Filled buttons and badges.
  pair('on-primary', 'primary', 'primary buttons, 本单位 badge, unread dot'),
  pair('on-primary', 'red', 'unread count badge'),
  // Lights (LightTag) and the words in their colours.
  pair('green', 'green-soft', '正常 tag'),
  pair('yellow', 'yellow-soft', '预警 tag'),
  pair('red', 'red-soft', '滞后 tag, form error summary'),
  pair('done', 'done-soft', '完成 tag'),
  pair('green', 'card', 'rank up ↑'),
  pair('red', 'card', 'rank down ↓, field errors, 删除'),
  pair('yellow', 'card', 'correction notes'),
  pair('green', 'primary-soft', 'rank up on the own row'),
  pair('red', 'primary-soft', 'rank down on the own row'),
  pair('yellow', 'bg', 'retry note on the page'),
  // Medal ranks keep their numbers readable.
  pair('on-gold', 'gold', 'rank 1'),
  pair('on-silver', 'silver', 'rank 2'),
  pair('on-bronze', 'bronze', 'rank 3'),
];
