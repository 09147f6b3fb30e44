/** The knowledge API as the screens use it: types of its JSON and typed calls. */
import { request } from '../../api/client.ts';

export type KbLanguage = 'es' | 'en';
export type KbStatus = 'draft' | 'published' | 'archived';
export type KbVisibility = 'public' | 'agents' | 'partners';

export interface Segment {
  text: string;
  hit: boolean;
}

export interface Suggestion {
  id: string;
  language: KbLanguage;
  title: string;
  category: string;
  score: number;
  titleSegments: Segment[];
  passage: string;
  passageSegments: Segment[];
}

export interface ArticleListItem {
  id: string;
  language: KbLanguage;
  title: string;
  category: string;
  visibility: KbVisibility;
  status: KbStatus;
  version: number;
  updatedAt: string;
}

export interface Article extends ArticleListItem {
  body: string;
  tags: string[];
  phrasings: string[];
  related: string[];
  translationGroup: string;
}

export interface Version {
  version: number;
  title: string;
  status: string;
  changedBy: string | null;
  changedAt: string;
  note: string;
}

export interface Attachment {
  id: string;
  articleId: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

export const kbApi = {
  suggest: (text: string, language?: KbLanguage) =>
    request<{ query: string; total: number; hits: Suggestion[] }>('POST', '/api/v1/knowledge/suggest', {
      body: { text, ...(language ? { language } : {}) },
    }),
  search: (q: string, language?: KbLanguage, limit = 10) =>
    request<{ query: string; total: number; hits: Suggestion[] }>('GET', '/api/v1/knowledge/search', {
      query: { q, limit, ...(language ? { language } : {}) },
    }),
  feedback: (kind: 'inserted' | 'helpful', articleId: string, query: string) =>
    request<void>('POST', '/api/v1/knowledge/feedback', { body: { kind, articleId, query } }),
  list: (query: { q?: string; status?: KbStatus; language?: KbLanguage }) =>
    request<{ items: ArticleListItem[] }>('GET', '/api/v1/knowledge/articles', { query }),
  get: (id: string) => request<{ article: Article; html: string }>('GET', `/api/v1/knowledge/articles/${id}`),
  create: (
    body: Partial<Article> & { language: KbLanguage; title: string; body: string; translationOf?: string },
  ) => request<Article>('POST', '/api/v1/knowledge/articles', { body }),
  update: (id: string, body: Partial<Article> & { note?: string }) =>
    request<Article>('PATCH', `/api/v1/knowledge/articles/${id}`, { body }),
  setStatus: (id: string, action: 'publish' | 'archive' | 'unpublish') =>
    request<Article>('POST', `/api/v1/knowledge/articles/${id}/${action}`),
  versions: (id: string) => request<{ items: Version[] }>('GET', `/api/v1/knowledge/articles/${id}/versions`),
  restore: (id: string, version: number) =>
    request<Article>('POST', `/api/v1/knowledge/articles/${id}/restore`, { body: { version } }),
  attachments: (id: string) =>
    request<{ items: Attachment[] }>('GET', `/api/v1/knowledge/articles/${id}/attachments`),
  attach: (id: string, file: File) =>
    request<Attachment>('POST', `/api/v1/knowledge/articles/${id}/attachments`, {
      body: file,
      query: { fileName: file.name },
    }),
  detach: (id: string, attachmentId: string) =>
    request<void>('DELETE', `/api/v1/knowledge/articles/${id}/attachments/${attachmentId}`),
  preview: (markdown: string) =>
    request<{ html: string }>('POST', '/api/v1/knowledge/preview', { body: { markdown } }),
};
