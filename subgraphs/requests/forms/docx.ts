import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellBorders,
} from "docx";
import type { FilledForm, FormLine, FormSection } from "./form";

// Arial (Liberation Sans where LibreOffice stands in for it) has every letter of the four languages; the ballot boxes
// ☐ ☒ are set in Segoe UI Symbol, and Word and LibreOffice fall back to a symbol font where it is missing.
const font = { body: "Arial", boxes: "Segoe UI Symbol" };
// docx sizes are in half-points.
const size = { title: 26, heading: 20, body: 20, label: 17, small: 16 };
const colour = { heading: "E6E6E6", rule: "9A9A9A", label: "404040" };
const wordLanguage = { en: "en-GB", fr: "fr-FR", es: "es-ES", pt: "pt-PT" } as const;
// A4 with 2 cm margins, in twentieths of a point.
const pageSize = { width: 11906, height: 16838, margin: 1134 };
const contentWidth = pageSize.width - 2 * pageSize.margin;
const labelWidth = Math.round(contentWidth * 0.35);

const line = { style: BorderStyle.SINGLE, size: 4, color: colour.rule };
const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
const ruled: ITableCellBorders = { top: none, left: none, right: none, bottom: line };
const open: ITableCellBorders = { top: none, left: none, right: none, bottom: none };

/** Text with its line breaks kept: one paragraph for each line. */
const paragraphs = (
  value: string,
  options: { size?: number; bold?: boolean; colour?: string; keepNext?: boolean } = {},
) =>
  (value === "" ? [""] : value.split("\n")).map(
    (text) =>
      new Paragraph({
        spacing: { after: 40 },
        keepNext: options.keepNext,
        children: [new TextRun({ text, size: options.size, bold: options.bold, color: options.colour })],
      }),
  );

const cell = (children: (Paragraph | Table)[], options: { span?: number; width?: number; shaded?: boolean } = {}) =>
  new TableCell({
    children,
    columnSpan: options.span,
    width: options.width ? { size: options.width, type: WidthType.DXA } : undefined,
    borders: options.shaded ? open : ruled,
    shading: options.shaded ? { type: ShadingType.CLEAR, fill: colour.heading, color: "auto" } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
  });

const boxParagraph = (checked: boolean, label: string) =>
  new Paragraph({
    spacing: { after: 40 },
    indent: { left: 160 },
    children: [new TextRun({ text: checked ? "☒" : "☐", font: font.boxes }), new TextRun({ text: ` ${label}` })],
  });

function rows(formLine: FormLine): TableRow[] {
  switch (formLine.kind) {
    case "field":
    case "text": {
      const value = paragraphs(formLine.value);
      if (formLine.label === "") return [new TableRow({ children: [cell(value, { span: 2 })] })];
      return [
        new TableRow({
          children: [
            cell(paragraphs(formLine.label, { size: size.label, colour: colour.label }), { width: labelWidth }),
            cell(value, { width: contentWidth - labelWidth }),
          ],
        }),
      ];
    }
    case "choice":
      return [
        new TableRow({
          children: [
            cell(
              [
                ...(formLine.statement ? paragraphs(formLine.statement) : []),
                ...formLine.options.map((option) => boxParagraph(option.checked, option.label)),
              ],
              { span: 2 },
            ),
          ],
        }),
      ];
    case "identifiers": {
      const widths = [0.18, 0.34, 0.22, 0.26].map((share) => Math.round((contentWidth - 200) * share));
      const identifierRow = (cells: string[], heading: boolean) =>
        new TableRow({
          tableHeader: heading,
          children: cells.map((text, index) =>
            cell(paragraphs(text, heading ? { size: size.label, bold: true, colour: colour.label } : {}), {
              width: widths[index],
            }),
          ),
        });
      const table = new Table({
        width: { size: contentWidth - 200, type: WidthType.DXA },
        columnWidths: widths,
        rows: [identifierRow(formLine.headings, true), ...formLine.rows.map((cells) => identifierRow(cells, false))],
      });
      // A table cell ends with a paragraph in WordprocessingML, also after a nested table.
      return [new TableRow({ children: [cell([table, new Paragraph({})], { span: 2 })] })];
    }
  }
}

function sectionTable(section: FormSection): Table {
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, contentWidth - labelWidth],
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          // Keep with next: a heading never ends a page without its first line.
          cell(
            paragraphs(`${section.number}. ${section.heading}`, { bold: true, size: size.heading, keepNext: true }),
            {
              span: 2,
              shaded: true,
            },
          ),
        ],
      }),
      ...section.lines.flatMap(rows),
    ],
  });
}

/** The form as a Word document (.docx): each section a table of labels and values, as the templates are laid out. */
export function renderDocx(form: FilledForm): Promise<Buffer> {
  const letterhead = new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [contentWidth - 2400, 2400],
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: open, children: paragraphs(form.letterhead, { bold: true }) }),
          new TableCell({
            borders: open,
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: form.template, size: size.small })],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const small = (text: string) =>
    new Paragraph({ children: [new TextRun({ text, size: size.small, color: colour.label })] });
  const document = new Document({
    title: form.title,
    subject: `${form.template} ${form.caseReference}`,
    creator: form.letterhead,
    styles: {
      default: {
        document: { run: { font: font.body, size: size.body, language: { value: wordLanguage[form.language] } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageSize.width, height: pageSize.height },
            margin: {
              top: pageSize.margin,
              bottom: pageSize.margin,
              left: pageSize.margin,
              right: pageSize.margin,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: size.small,
                    color: colour.label,
                    children: [
                      `${form.template} · ${form.caseReference} · `,
                      PageNumber.CURRENT,
                      "/",
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          letterhead,
          small(form.committee),
          small(form.adopted),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [new TextRun({ text: form.title, bold: true, size: size.title })],
          }),
          ...form.sections.flatMap((section) => [sectionTable(section), new Paragraph({ spacing: { after: 120 } })]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
