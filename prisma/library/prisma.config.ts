import { cliConfig } from "../../common/prisma-cli-config";

export default cliConfig();
