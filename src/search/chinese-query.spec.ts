import { MAX_QUERY_WORDS, translateQuery } from './chinese-query';

describe('translateQuery', () => {
  it('translates compound Chinese by the longest glossary terms, keeping Latin words as typed', () => {
    expect(translateQuery('农村供水')).toBe('rural water supply');
    expect(translateQuery('污水处理厂')).toBe('wastewater treatment plant');
    expect(translateQuery('海水淡化项目')).toBe('desalination project');
    expect(translateQuery('反渗透 desalination')).toBe('reverse osmosis desalination');
    expect(translateQuery('农村供水 Kenya')).toBe('rural water supply Kenya');
  });

  it('leaves English alone', () => {
    expect(translateQuery('rural water supply')).toBe('rural water supply');
  });

  it('keeps Chinese the glossary does not know (a place, a company), and drops joining words and lone fragments', () => {
    expect(translateQuery('斯里兰卡农村供水')).toBe('斯里兰卡 rural water supply');
    expect(translateQuery('污水处理厂的扩建和改造')).toBe('wastewater treatment plant expansion rehabilitation');
  });

  it('reads a one-character term inside an unknown name as part of the name (湖南, 葛洲坝), and alone as a word', () => {
    expect(translateQuery('湖南建工')).toBe('湖南建工');
    expect(translateQuery('葛洲坝集团')).toBe('葛洲坝集团');
    expect(translateQuery('村供水')).toBe('village water supply');
    expect(translateQuery('坝')).toBe('dam');
  });

  it('lets a longer term replace the shorter one it contains', () => {
    expect(translateQuery('河道疏浚')).toBe('river dredging');
    expect(translateQuery('大坝除险加固')).toBe('dam rehabilitation');
  });

  it('puts framing words last and stays within the 10 query words Meilisearch uses', () => {
    const query = translateQuery('项目 农村供水 污水处理厂 海水淡化 反渗透 防洪 灌溉');
    expect(query.split(' ').length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    expect(query.startsWith('rural water supply wastewater treatment plant')).toBe(true);
    expect(query).not.toContain('project');
  });
});
