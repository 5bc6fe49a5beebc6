/** The domain: types, schemas, reducers and errors. Pure: it imports nothing outside itself. */
export * from './errors.js';
export * from './ids.js';
export * from './partial-date.js';
export * from './source.js';
export * from './claim.js';
export * from './status.js';
export * from './place.js';
export * from './person.js';
export * from './person-view.js';
export * from './permissions.js';
export * from './user.js';
export * from './audit.js';
export * from './import-batch.js';
export * from './validation.js';
export * from './enquiry.js';
export * from './exchange.js';
