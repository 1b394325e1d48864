import { describe, expect, it } from 'vitest';
import { attributionHtml, wardFillOpacity } from './tiles';

describe('the map tile layer', () => {
  it('shows the attribution as written, never as markup', () => {
    expect(attributionHtml('Tiles © Example Mapping')).toBe('Tiles © Example Mapping');
    expect(attributionHtml('<img src=x onerror="alert(1)"> & Co\'s')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co&#39;s');
  });

  it('lightens the ward shading over tiles only', () => {
    expect(wardFillOpacity(null)).toBe(0.75);
    expect(wardFillOpacity({ urlTemplate: 'https://t.example/{z}/{x}/{y}.png', attribution: 'T' })).toBeLessThan(0.75);
  });
});
