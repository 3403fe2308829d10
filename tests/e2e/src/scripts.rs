//! JavaScript run in the app's window through WebDriver `execute`.

/// Finds the visible elements with an ARIA role and accessible name, like a screen reader
/// would: `arguments = [role, name, exact, scope|null]`; returns the matching elements.
/// The name is computed the simple way (aria-labelledby, aria-label, `<label>`, title,
/// text content), which is what the UI's controls use.
pub const FIND_BY_ROLE: &str = r#"
const [role, name, exact, scope] = arguments;
const selectors = {
  button: 'button, [role=button], input[type=button], input[type=submit]',
  textbox: 'input:not([type]), input[type=text], input[type=url], input[type=email], textarea, [role=textbox]',
  searchbox: 'input[type=search], [role=searchbox]',
  combobox: 'select, [role=combobox]',
  list: 'ul, ol, [role=list], [role=listbox]',
  listitem: 'li, [role=listitem], [role=option]',
  option: '[role=option], li',
  dialog: 'dialog, [role=dialog]',
  alertdialog: '[role=alertdialog]',
  region: 'section, [role=region]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  status: '[role=status], output',
  progressbar: 'progress, [role=progressbar]',
  iframe: 'iframe',
  link: 'a[href], [role=link]',
  navigation: 'nav, [role=navigation]',
};
const text = (el) => (el ? el.textContent || '' : '').replace(/\s+/g, ' ').trim();
function accessibleName(el) {
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    return labelledby.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
  }
  const label = el.getAttribute('aria-label');
  if (label && label.trim()) return label.trim();
  if (el.labels && el.labels.length) return Array.from(el.labels).map(text).join(' ').trim();
  if (el.tagName === 'INPUT' && (el.type === 'button' || el.type === 'submit')) return el.value;
  if (el.tagName === 'IFRAME') return (el.getAttribute('title') || '').trim();
  if (el.tagName === 'DIALOG' || el.getAttribute('role') === 'dialog' || el.getAttribute('role') === 'alertdialog') {
    const heading = el.querySelector('h1, h2, h3');
    if (heading) return text(heading);
  }
  const content = ['INPUT', 'SELECT', 'TEXTAREA', 'UL', 'OL', 'SECTION'].includes(el.tagName) ? '' : text(el);
  return content || (el.getAttribute('title') || el.getAttribute('placeholder') || '').trim();
}
const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const root = scope || document;
const wanted = name.toLowerCase();
return Array.from(root.querySelectorAll(selectors[role] || `[role=${role}]`)).filter((el) => {
  if (!visible(el)) return false;
  const actual = accessibleName(el).toLowerCase();
  return exact ? actual === wanted : actual.includes(wanted);
});
"#;

/// Sets a form control's value the way typing would, then fires `input` and `change`.
/// `arguments = [element, value]`. For a `<select>`, `value` may be an option's label.
pub const SET_VALUE: &str = r#"
const [el, value] = arguments;
if (el.tagName === 'SELECT') {
  const option = Array.from(el.options).find((o) => o.value === value || o.textContent.trim() === value);
  if (!option) return 'no option ' + JSON.stringify(value) + ' in ' + JSON.stringify(Array.from(el.options).map((o) => o.textContent.trim()));
  el.value = option.value;
} else {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
}
el.dispatchEvent(new Event('input', { bubbles: true }));
el.dispatchEvent(new Event('change', { bubbles: true }));
return null;
"#;

/// Resolves after two animation frames, so a screenshot shows the current frame.
pub const TWO_FRAMES: &str = r#"
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => done(null)));
"#;

/// Calls a Tauri command as the UI's ipc layer does: `arguments = [command, args]`;
/// resolves to `{ok: value}` or `{err: error}`.
pub const INVOKE: &str = r#"
const [command, args, done] = arguments;
window.__TAURI_INTERNALS__.invoke(command, args)
  .then((ok) => done({ ok: ok === undefined ? null : ok }))
  .catch((err) => done({ err: typeof err === 'string' ? err : JSON.stringify(err) }));
"#;

/// `window.__byline.flush()`: saves now; resolves to null or the error text.
pub const FLUSH: &str = r#"
const done = arguments[arguments.length - 1];
Promise.resolve(window.__byline.flush()).then(() => done(null), (err) => done(String(err && err.message || err)));
"#;

/// Prefix of scripts that read the preview iframe's document (same origin, no scripts of its
/// own) as `doc`; returns `{missing: true}` while there is no preview. Scripts are composed
/// as text because the CSP (rightly) forbids `new Function` in the page.
pub const PREVIEW_PREFIX: &str = r#"
const frame = document.querySelector('iframe[title="Preview"]');
const doc = frame && frame.contentDocument;
if (!doc || !doc.body) return { missing: true };
"#;
