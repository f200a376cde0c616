// Every visible text of the page whose contrast with what is behind it is below WCAG 2's AA minimum (4.5:1, or 3:1
// for large text), as "ratio tag 'text' colour on background". Backgrounds are composed up the tree from the
// computed background colours (the pages use no background images behind text).
const parse = (colour) => {
  const parts = (colour.match(/rgba?\(([^)]+)\)/) || [])[1];
  if (!parts) return null;
  const [r, g, b, a = 1] = parts.split(/[\s,\/]+/).filter(Boolean).map(Number);
  return { r, g, b, a };
};
const over = (top, below) => ({
  r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a),
  b: top.b * top.a + below.b * (1 - top.a), a: 1,
});
const luminance = ({ r, g, b }) => {
  const channel = (value) => {
    const v = value / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const backgroundOf = (element) => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const colour = parse(getComputedStyle(e).backgroundColor);
    if (colour && colour.a > 0) {
      layers.push(colour);
      if (colour.a >= 1) break;
    }
  }
  return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
};
const failures = [];
for (const element of document.querySelectorAll('body *')) {
  if (element.closest('video, progress, option, noscript, script, style') || element.matches(':disabled')) continue;
  const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent.trim()).join(' ').trim();
  if (!text || !element.getClientRects().length) continue;
  const style = getComputedStyle(element);
  if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
  const background = backgroundOf(element);
  const ink = over(parse(style.color), background);
  const [light, dark] = [luminance(ink), luminance(background)].sort((x, y) => y - x);
  const ratio = (light + 0.05) / (dark + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    failures.push(`${ratio.toFixed(2)} ${element.tagName.toLowerCase()} '${text.slice(0, 40)}' ${style.color} on `
      + `rgb(${Math.round(background.r)}, ${Math.round(background.g)}, ${Math.round(background.b)})`);
  }
}
return failures;
