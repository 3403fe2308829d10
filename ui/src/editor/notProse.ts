/** Markdown syntax nodes whose text is never prose, for the extensions that act on prose only
 * (spell checking, smart punctuation): code, HTML, comments, and addresses. Each adds the few
 * nodes that matter to it alone. */
export const NOT_PROSE: ReadonlySet<string> = new Set([
  "FencedCode",
  "CodeBlock",
  "InlineCode",
  "CodeText",
  "URL",
  "Autolink",
  "HTMLBlock",
  "HTMLTag",
  "Comment",
  "CommentBlock",
  "ProcessingInstruction",
  "ProcessingInstructionBlock",
]);
