// Text pasted from Word or Google Docs carries its formatting in style attributes.
// Our Content-Security-Policy doesn't apply inline styles (the browser logs each one
// it refuses, even in a detached document), and the editor reads bold and italics
// from those styles: a Google Docs paste, wrapped whole in
// <b style="font-weight:normal">, would turn bold all over. So before the editor
// parses a paste, its style sheets are dropped and its style attributes renamed,
// which no parser applies, turned into <strong> and <em> where they mean that, and
// dropped. Word's list paragraphs become lists on the way.
import { Extension, Plugin } from "django-prose-editor/editor";

// Word puts a style sheet in the pasted document's head.
const STYLE_ELEMENT = /<style[\s\S]*?<\/style\s*>/gi;
// Only inside tags: text in clipboard HTML has its "<" escaped.
const STYLE_ATTRIBUTE = /(<[a-z][^>]*?\s)style\s*=/gi;
// Word writes a list item as a paragraph whose marker ("·", "1.") only programs
// without list support show. Nested lists come out flat.
const WORD_LIST_MARKER = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi;
const NUMBERED = /^\s*(\d+|[a-z]{1,4})[.)]/i;
const BOLD = /font-weight\s*:\s*(bold|[6-9]00)/i;
const NOT_BOLD = /font-weight\s*:\s*(normal|[1-5]00)/i;
const ITALIC = /font-style\s*:\s*italic/i;

function wrapContents(element, tagName) {
  const wrapper = element.ownerDocument.createElement(tagName);
  wrapper.append(...element.childNodes);
  element.append(wrapper);
}

function markWordList(_, marker) {
  const text = marker.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ");
  return `<span data-word-list="${NUMBERED.test(text) ? "ol" : "ul"}"></span>`;
}

function buildWordLists(body) {
  for (const marker of body.querySelectorAll("span[data-word-list]")) {
    const paragraph = marker.closest("p");
    if (paragraph) paragraph.dataset.wordList = marker.dataset.wordList;
    marker.remove();
  }
  for (const paragraph of body.querySelectorAll("p[data-word-list]")) {
    const kind = paragraph.dataset.wordList;
    let list = paragraph.previousElementSibling;
    if (!list || list.tagName !== kind.toUpperCase() || !list.dataset.fromWord) {
      list = body.ownerDocument.createElement(kind);
      list.dataset.fromWord = "yes";
      paragraph.before(list);
    }
    const item = body.ownerDocument.createElement("li");
    item.append(...paragraph.childNodes);
    list.append(item);
    paragraph.remove();
  }
  for (const list of body.querySelectorAll("[data-from-word]")) {
    list.removeAttribute("data-from-word");
  }
}

export function cleanPastedHTML(html) {
  const renamed = html
    .replace(STYLE_ELEMENT, "")
    .replace(WORD_LIST_MARKER, markWordList)
    .replace(STYLE_ATTRIBUTE, "$1data-pasted-style=");
  const doc = new DOMParser().parseFromString(renamed, "text/html");
  buildWordLists(doc.body);
  for (const element of doc.body.querySelectorAll("[data-pasted-style]")) {
    const style = element.getAttribute("data-pasted-style");
    element.removeAttribute("data-pasted-style");
    if (/^(B|STRONG)$/.test(element.tagName) && NOT_BOLD.test(style)) {
      element.replaceWith(...element.childNodes);
    } else if (element.tagName === "SPAN" && !element.closest("h1, h2, h3, h4, h5, h6")) {
      if (BOLD.test(style)) wrapContents(element, "strong");
      if (ITALIC.test(style)) wrapContents(element, "em");
    }
  }
  return doc.body.innerHTML;
}

export const PasteCleanup = Extension.create({
  name: "pasteCleanup",
  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: cleanPastedHTML } })];
  },
});
