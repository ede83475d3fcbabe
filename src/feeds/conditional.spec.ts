import { notModified } from './conditional.js';

const etag = '"abc"';
const modified = new Date('2026-02-06T03:04:05.678Z');

describe('notModified', () => {
  it('answers If-None-Match by the tag, in a list, weak or *', () => {
    expect(notModified({ 'if-none-match': '"abc"' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-none-match': '"x", W/"abc"' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-none-match': '"abd"' }, etag, modified)).toBe(false);
  });

  it('lets If-None-Match decide over If-Modified-Since', () => {
    expect(notModified({ 'if-none-match': '"old"', 'if-modified-since': 'Fri, 06 Feb 2026 03:04:05 GMT' }, etag, modified)).toBe(false);
  });

  it('compares If-Modified-Since to the second', () => {
    expect(notModified({ 'if-modified-since': 'Fri, 06 Feb 2026 03:04:05 GMT' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-modified-since': 'Fri, 06 Feb 2026 03:04:04 GMT' }, etag, modified)).toBe(false);
    expect(notModified({ 'if-modified-since': 'not a date' }, etag, modified)).toBe(false);
    expect(notModified({ 'if-modified-since': 'Fri, 06 Feb 2026 03:04:05 GMT' }, etag, null)).toBe(false);
  });
});
