import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLegalBasis } from '../src/procedures/national.js';

describe('national procedure fields', () => {
  it('keeps a Prime Minister decision number (QĐ-TTg) whole when a title is glued to it', () => {
    const warnings: string[] = [];
    const found = parseLegalBasis(
      'Tên văn bản pháp lýMã văn bảnQuyết định quy định quy trình rà soát hộ nghèoQuyết định 24/2021/QĐ-TTgThông tư sửa đổi Thông tư 07/2021/TT-BLĐTBXH02/2022/TT-BLĐTBXH',
      warnings,
    );
    assert.deepEqual(
      found.map((f) => f.number),
      ['24/2021/QĐ-TTg', '02/2022/TT-BLĐTBXH'],
    );
    assert.equal(found[1]!.title.startsWith('Tg'), false);
  });
});
