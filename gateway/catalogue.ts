import { Kind, parse, type OperationDefinitionNode } from "graphql";
import fs from "node:fs";
import path from "node:path";

// The analysts' catalogue of ready-made questions: one named operation per file of analysts/catalogue/, the file named
// after its operation, its opening comment the question it answers. The explorer lists them; /export runs them.
export const catalogueDir = path.join(__dirname, "..", "analysts", "catalogue");

export interface CatalogueOperation {
  name: string;
  /** The opening comment: the question, in words. */
  question: string;
  document: string;
  operation: OperationDefinitionNode;
}

const operationName = /^[A-Z][A-Za-z0-9]{0,63}$/;

/** Every operation of the catalogue, by name; a file that breaks the rules above stops the start, with its name. */
export function loadCatalogue(dir = catalogueDir): Map<string, CatalogueOperation> {
  const catalogue = new Map<string, CatalogueOperation>();
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()) {
    const name = file.slice(0, -".graphql".length);
    const document = fs.readFileSync(path.join(dir, file), "utf8");
    const operations = parse(document).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const [operation] = operations;
    if (!operationName.test(name) || operations.length !== 1 || operation.name?.value !== name)
      throw new Error(`analysts/catalogue/${file} must hold one operation named ${name}`);
    const question = document
      .split("\n")
      .filter((line) => line.startsWith("#"))
      .map((line) => line.replace(/^#\s?/, ""))
      .join(" ");
    catalogue.set(name, { name, question, document, operation });
  }
  return catalogue;
}
