import 'reflect-metadata';

/** What an environment variable expects, shown when start-up refuses a value and in `.env.example`. */
export interface EnvVarDoc {
  expected: string;
  secret?: boolean;
}

const ENV_VAR_DOCS = Symbol('amparo:env-var-docs');

export function EnvVar(doc: EnvVarDoc): PropertyDecorator {
  return (target, property) => {
    const docs: Map<string, EnvVarDoc> = Reflect.getMetadata(ENV_VAR_DOCS, target) ?? new Map();
    docs.set(String(property), doc);
    Reflect.defineMetadata(ENV_VAR_DOCS, docs, target);
  };
}

export function envVarDocs(target: object): Map<string, EnvVarDoc> {
  return Reflect.getMetadata(ENV_VAR_DOCS, target) ?? new Map();
}
