/** The preview iframe's document: written once, then only its body is patched. */

/** Neutralises a stray `</style` so the CSS cannot end its element early. */
export function safeCss(css: string): string {
  return css.replace(/<\/style/gi, "<\\/style");
}

/** The HTML written once into the sandboxed preview frame. */
export function previewShell(css: string, theme: string): string {
  // The frame runs no scripts (sandbox without allow-scripts); its CSP forbids them as well.
  // <base target="_blank"> turns every link click into a popup, which the sandbox blocks, so the
  // preview never navigates; the parent opens links itself (see frameWatch.ts).
  return `<!doctype html>
<html lang="en" data-theme="${theme === "dark" ? "dark" : "light"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: asset: http://asset.localhost; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview</title>
<base target="_blank">
<style>${safeCss(css)}</style>
<style>
/* Room below the last block so scroll sync can bring the end of the text to the top. */
body { padding-bottom: 40vh; }
a { cursor: pointer; }
</style>
</head>
<body><article class="byline-preview"></article></body>
</html>`;
}
