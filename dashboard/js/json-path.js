// Finds where a JSON path of the API's errors (timeline.tracks[0].clips[2].length) is in the editor's text, so an
// error can be shown at its place. A small scanner of JSON text, linear in its length; no DOM, so node can run it.

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']. */
export function steps(path) {
  const out = [];
  for (const part of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(part[2] !== undefined ? Number(part[2]) : part[1]);
  }
  return out;
}

/**
 * The [start, end) offsets in `text` of the value at `path` (or of the deepest part of it that exists), or null when
 * the text is not JSON the scanner can follow.
 */
export function locate(text, path) {
  const wanted = steps(path);
  let i = 0;
  const space = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const string = () => { // at '"': returns its value, i after the closing quote
    let value = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u') { value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue; }
        value += { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[escaped] ?? escaped;
        i += 2;
        continue;
      }
      value += text[i++];
    }
    i++;
    return value;
  };
  const skip = () => { // skips one value
    space();
    if (text[i] === '"') { string(); return; }
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') { string(); continue; }
        if (c === '{' || c === '[') depth++;
        if (c === '}' || c === ']') { depth--; if (depth === 0) { i++; return; } }
        i++;
      }
      return;
    }
    while (i < text.length && !/[,}\]\s]/.test(text[i])) i++;
  };
  let found = null;
  space();
  for (const step of wanted) {
    space();
    const start = i;
    skip();
    found = [start, i];
    i = start;
    if (typeof step === 'number' ? text[i] !== '[' : text[i] !== '{') return found;
    i++;
    let matched = false;
    let index = 0;
    for (;;) {
      space();
      if (text[i] === ']' || text[i] === '}' || i >= text.length) break;
      if (typeof step === 'string') {
        if (text[i] !== '"') return found;
        const name = string();
        space();
        i++; // ':'
        space();
        if (name === step) { matched = true; break; }
      } else if (index === step) {
        matched = true;
        break;
      }
      skip();
      index++;
      space();
      if (text[i] === ',') i++;
    }
    if (!matched) return found;
  }
  space();
  const start = i;
  skip();
  return [start, i];
}
