import { create, type Font } from "fontkit";
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { FilledForm, FormLine, FormSection } from "./form";

// DejaVu Sans, from the dejavu-fonts-ttf package, is embedded (subset) so that the PDF needs no font of the machine
// that opens it: it has every letter of the four languages (é, ç, ã, ñ, œ, « ») and the ballot boxes ☐ ☒.
function dejaVu(file: string): Font {
  const font = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  if (!("layout" in font)) throw new Error(`${file} is a font collection`);
  return font;
}

// Opened once: pdfkit takes an opened fontkit font too (PDFFontFactory.open), and then every document shares its
// parsed tables and glyphs, which halves the CPU time of a form. @types/pdfkit names only files and bytes.
let fonts: { regular: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource } | undefined;
const openFonts = () =>
  (fonts ??= {
    regular: dejaVu("DejaVuSans.ttf") as unknown as PDFKit.Mixins.PDFFontSource,
    bold: dejaVu("DejaVuSans-Bold.ttf") as unknown as PDFKit.Mixins.PDFFontSource,
  });

const page = { width: 595.28, height: 841.89, margin: 50, bottom: 60 };
const contentWidth = page.width - 2 * page.margin;
const labelWidth = 165;
const valueX = page.margin + labelWidth + 10;
const valueWidth = page.width - page.margin - valueX;
const size = { title: 13, heading: 10, body: 10, label: 8.5, small: 8 };
const colour = { heading: "#e6e6e6", rule: "#9a9a9a", label: "#404040", text: "#000000" };
const box = (checked: boolean) => (checked ? "☒" : "☐");

type Doc = InstanceType<typeof PDFDocument>;

/** The form as an A4 PDF; the same form and date give the same bytes. */
export function renderPdf(form: FilledForm, date: Date): Promise<Buffer> {
  const { regular, bold } = openFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: page.margin, left: page.margin, right: page.margin, bottom: page.bottom },
    bufferPages: true,
    // No standard font: pdfkit would otherwise load Helvetica's metrics for every document, to use none of them.
    font: "",
    lang: form.language,
    displayTitle: true,
    info: {
      Title: form.title,
      Subject: `${form.template} ${form.caseReference}`,
      Author: form.letterhead,
      CreationDate: date,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);

  header(doc, form);
  for (const section of form.sections) printSection(doc, section);
  footers(doc, form);
  doc.end();
  return done;
}

const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** A new page unless `height` still fits on this one. */
function keep(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function rule(doc: Doc, x: number, y: number, width: number) {
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.5)
    .strokeColor(colour.rule)
    .stroke();
}

function header(doc: Doc, form: FilledForm) {
  const top = page.margin;
  doc.font("bold").fontSize(size.body).fillColor(colour.text);
  doc.text(form.letterhead, page.margin, top, { width: contentWidth - 110 });
  const below = doc.y;
  doc
    .font("regular")
    .fontSize(size.small)
    .text(form.template, page.width - page.margin - 100, top, {
      width: 100,
      align: "right",
    });
  doc.y = Math.max(below, doc.y) + 6;
  doc.fillColor(colour.label).fontSize(size.small);
  doc.text(form.committee, page.margin, doc.y, { width: contentWidth });
  doc.text(form.adopted, page.margin, doc.y, { width: contentWidth });
  doc.moveDown(1);
  doc.font("bold").fontSize(size.title).fillColor(colour.text);
  doc.text(form.title, page.margin, doc.y, { width: contentWidth, align: "center" });
  doc.moveDown(1);
}

function printSection(doc: Doc, section: FormSection) {
  const title = `${section.number}. ${section.heading}`;
  doc.font("bold").fontSize(size.heading);
  const height = doc.heightOfString(title, { width: contentWidth - 12 }) + 8;
  // A heading stays with the start of its first line.
  keep(doc, height + 5 + Math.min(firstHeight(doc, section.lines[0]), 120));
  doc.font("bold").fontSize(size.heading);
  const y = doc.y;
  doc.rect(page.margin, y, contentWidth, height).fill(colour.heading);
  doc.fillColor(colour.text).text(title, page.margin + 6, y + 4, { width: contentWidth - 12 });
  doc.y = y + height + 5;
  for (const line of section.lines) printLine(doc, line);
  doc.y += 6;
}

function printLine(doc: Doc, line: FormLine) {
  switch (line.kind) {
    case "field":
      return printField(doc, line.label, line.value);
    case "text":
      return printText(doc, line.label, line.value);
    case "choice":
      return printChoice(doc, line.statement, line.options);
    case "identifiers":
      return printIdentifiers(doc, line.headings, line.rows);
  }
}

/** Label on the left, value on the right above a rule: the line to fill in when the value is empty. */
function printField(doc: Doc, label: string, value: string) {
  const [x, width] = label === "" ? [page.margin, contentWidth] : [valueX, valueWidth];
  doc.font("regular").fontSize(size.label);
  const labelHeight = label === "" ? 0 : doc.heightOfString(label, { width: labelWidth });
  doc.fontSize(size.body);
  const valueHeight = doc.heightOfString(value === "" ? " " : value, { width });
  const height = Math.max(labelHeight, valueHeight);
  keep(doc, height + 6);
  const y = doc.y;
  if (label !== "") {
    doc
      .fontSize(size.label)
      .fillColor(colour.label)
      .text(label, page.margin, y + 1, { width: labelWidth });
  }
  doc.fontSize(size.body).fillColor(colour.text).text(value, x, y, { width });
  rule(doc, x, y + height + 1, width);
  doc.y = y + height + 6;
}

/** Free text under its label, across the page, running onto the next page when long. */
function printText(doc: Doc, label: string, value: string) {
  doc.font("regular").fontSize(size.body);
  const firstLine = doc.currentLineHeight(true);
  if (label !== "") {
    doc.fontSize(size.label);
    keep(doc, doc.heightOfString(label, { width: contentWidth }) + firstLine + 6);
    doc.fillColor(colour.label).text(label, page.margin, doc.y, { width: contentWidth });
    doc.y += 2;
  } else {
    keep(doc, firstLine + 6);
  }
  doc.fontSize(size.body).fillColor(colour.text);
  if (value === "") doc.y += firstLine;
  else doc.text(value, page.margin, doc.y, { width: contentWidth });
  rule(doc, page.margin, doc.y + 1, contentWidth);
  doc.y += 6;
}

/** How much of the page a line needs before it can start: a field or a choice whole, a text's label and first line. */
function firstHeight(doc: Doc, line: FormLine | undefined): number {
  if (!line) return 0;
  doc.font("regular").fontSize(size.body);
  const oneLine = doc.currentLineHeight(true);
  switch (line.kind) {
    case "field":
      return doc.heightOfString(line.value === "" ? " " : line.value, { width: valueWidth }) + 6;
    case "text":
      return doc.fontSize(size.label).heightOfString(line.label || " ", { width: contentWidth }) + oneLine + 8;
    case "choice":
      return choiceHeight(doc, line.statement, line.options);
    case "identifiers":
      return 3 * oneLine;
  }
}

const optionText = (option: { label: string; checked: boolean }) => `${box(option.checked)} ${option.label}`;

function choiceHeight(doc: Doc, statement: string | undefined, options: { label: string; checked: boolean }[]) {
  doc.font("regular").fontSize(size.body);
  const statementHeight = statement ? doc.heightOfString(statement, { width: contentWidth }) + 2 : 0;
  return options.reduce(
    (height, option) => height + doc.heightOfString(optionText(option), { width: contentWidth - 8 }) + 2,
    statementHeight + 3,
  );
}

/** A statement and its boxes, kept on one page. */
function printChoice(doc: Doc, statement: string | undefined, options: { label: string; checked: boolean }[]) {
  keep(doc, choiceHeight(doc, statement, options));
  doc.font("regular").fontSize(size.body).fillColor(colour.text);
  if (statement) {
    doc.text(statement, page.margin, doc.y, { width: contentWidth });
    doc.y += 2;
  }
  for (const option of options) {
    doc.text(optionText(option), page.margin + 8, doc.y, { width: contentWidth - 8 });
    doc.y += 2;
  }
  doc.y += 3;
}

const identifierColumns = [90, 160, 100, contentWidth - 350];

function printIdentifiers(doc: Doc, headings: string[], rows: string[][]) {
  const row = (cells: string[], font: "regular" | "bold", fontSize: number) => {
    doc.font(font).fontSize(fontSize);
    const height = Math.max(
      ...cells.map((cell, index) =>
        doc.heightOfString(cell === "" ? " " : cell, { width: identifierColumns[index] - 4 }),
      ),
    );
    keep(doc, height + 4);
    const y = doc.y;
    let x = page.margin;
    cells.forEach((cell, index) => {
      doc.text(cell, x, y, { width: identifierColumns[index] - 4 });
      x += identifierColumns[index];
    });
    rule(doc, page.margin, y + height + 1, contentWidth);
    doc.y = y + height + 4;
  };
  doc.fillColor(colour.label);
  row(headings, "bold", size.label);
  doc.fillColor(colour.text);
  for (const cells of rows) row(cells, "regular", size.label + 0.5);
  doc.y += 3;
}

/** Template, case reference and page number at the foot of every page. */
function footers(doc: Doc, form: FilledForm) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Text below the bottom margin would open a new page: the footer is written with the margin lifted.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(size.small)
      .fillColor(colour.label)
      .text(`${form.template} · ${form.caseReference} · ${index + 1}/${count}`, page.margin, page.height - 40, {
        width: contentWidth,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}
