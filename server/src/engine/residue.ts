/** Shapes of template-site residue shared by the parse and placeholder/residue. */

/** A site's label for one of its samples: 【篇一】, 篇二：, 范文三：, 第2篇：. */
export const SITE_LABEL = /(?:[【\[［](?:篇|范文)[一二三四五六七八九十\d]{1,3}[】\]］][ \t\u3000]*[：:]?|(?:篇|范文)[一二三四五六七八九十\d]{1,3}[ \t\u3000]*[：:]|第[一二三四五六七八九十\d]{1,3}篇[ \t\u3000]*[：:])/;

const AT_START = new RegExp(`^[ \\t\\u3000]*${SITE_LABEL.source}`);

/** The text after a heading number is a site's sample label (1、篇二：…): the number is the site's, not a heading. */
export function startsWithSiteLabel(s: string): boolean {
  return AT_START.test(s);
}
