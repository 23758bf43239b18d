// Printing in the browser's own engine (Chromium's page.pdf, the code path of "Save as
// PDF") and reading the file back with PDF.js, an independent PDF reader.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Paper sizes in PostScript points (1/72 in): ISO 216 A4 and US Letter. */
export const PAPER = {
  A4: { width: 595.92, height: 842.88 },
  Letter: { width: 612, height: 792 },
};

/** Text with every space removed (PDF text runs split words at ligatures and kerning). */
export const squash = (text) => text.replace(/\s+/g, "");

/**
 * Prints `page` on `format` paper with the page's print CSS and returns each printed
 * page's size and text (squashed).
 */
export async function print(page, format) {
  const bytes = await page.pdf({ format, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const { width, height } = p.getViewport({ scale: 1 });
    const content = await p.getTextContent();
    pages.push({ width, height, text: squash(content.items.map((t) => t.str).join(" ")) });
  }
  return { bytes, pages };
}

/** The index of the first printed page whose text holds `text` (squashed), or -1. */
export function pageOf(pages, text) {
  return pages.findIndex((p) => p.text.includes(squash(text)));
}
