// `npm run tenant:schema > pack.schema.json`: the JSON Schema of a config pack, so editors can
// complete and check tenants/<slug>/pack.yaml as it is typed.
import { packJsonSchema } from "../load.server.ts";

process.stdout.write(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
