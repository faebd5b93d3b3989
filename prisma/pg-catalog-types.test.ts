import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportCatalogColumnsAsText } from './pg-catalog-types';

test('catalog text types are reported as text, others untouched', () => {
  const result = { fields: [{ dataTypeID: 19 }, { dataTypeID: 18 }, { dataTypeID: 1003 }, { dataTypeID: 23 }, { dataTypeID: 25 }] };
  assert.equal(reportCatalogColumnsAsText(result), result);
  assert.deepEqual(
    result.fields.map((f) => f.dataTypeID),
    [25, 25, 1009, 23, 25],
  );
});

test('results without fields pass through', () => {
  assert.equal(reportCatalogColumnsAsText(undefined), undefined);
  assert.deepEqual(reportCatalogColumnsAsText({ rowCount: 1 }), { rowCount: 1 });
});
