import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { version } from '../../../../package.json';

/** The OpenAPI 3 document, generated from the controllers, and its UI. */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Amparo API')
      .setDescription(
        'Registro de Protección Consular / Consular protection case registry. Errors are RFC 9457 problem details (application/problem+json), localized by Accept-Language (es, en).',
      )
      .setVersion(version)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
