/** Events the data-protection module raises (see libs/queue DomainEventMap): the re-encryption job's batches. */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'crypto.reencrypt_batch': { rotationId: string; batch: number };
  }
}
export {};
