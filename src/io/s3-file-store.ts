/**
 * Evidence and images in an S3-compatible bucket (LEITAI_FILE_STORE=s3): AWS S3, MinIO, or a
 * 政务云 object store with an S3 API (LEITAI_S3_ENDPOINT, path-style addressing). Objects are
 * `<prefix><folder>/<sha256>`, holding the bytes as stored (SM4-encrypted with LEITAI_FILE_KEY).
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { checkSha256, FileMissingError, type FileStore } from './file-store.ts';

export interface S3Options {
  bucket: string;
  region: string;
  prefix?: string | undefined;
  /** Another S3-compatible service; path-style requests (`<endpoint>/<bucket>/<key>`). */
  endpoint?: string | undefined;
  /** Explicit credentials; else the SDK's usual chain (environment, profile, instance role). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
}

const missing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 ||
    error.name === 'NoSuchKey' ||
    error.name === 'NotFound');

export function s3FileStore(options: S3Options, client?: S3Client): FileStore {
  const s3 =
    client ??
    new S3Client({
      region: options.region,
      // S3-compatible stores: path-style, and checksums only where S3 requires them (many
      // compatible stores refuse the SDK's newer default trailers).
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
      ...(options.accessKeyId && options.secretAccessKey
        ? {
            credentials: {
              accessKeyId: options.accessKeyId,
              secretAccessKey: options.secretAccessKey,
            },
          }
        : {}),
    });
  const key = (folder: string, sha256: string) =>
    `${options.prefix ?? ''}${folder}/${checkSha256(sha256)}`;
  return {
    kind: 's3',
    async has(folder, sha256) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key(folder, sha256) }));
        return true;
      } catch (error) {
        if (missing(error)) return false;
        throw error;
      }
    },
    async put(folder, sha256, stored) {
      await s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key(folder, sha256),
          Body: stored,
          ContentLength: stored.length,
          ContentType: 'application/octet-stream',
        }),
      );
    },
    async get(folder, sha256) {
      try {
        const out = await s3.send(
          new GetObjectCommand({ Bucket: options.bucket, Key: key(folder, sha256) }),
        );
        return Buffer.from(await out.Body!.transformToByteArray());
      } catch (error) {
        if (missing(error)) {
          throw new FileMissingError(`stored file ${folder}/${sha256} is missing`);
        }
        throw error;
      }
    },
  };
}
