/**
 * HAND-MADE placeholder for the types openapi-typescript generates from apps/server/openapi.json.
 * Replace with `npm run gen:api -w @kontor/web` as soon as the server's spec snapshot is committed.
 */
import type {
  TAuditEntry,
  TCompany,
  TCompanyCreateRequest,
  TCompanyUpdateRequest,
  TCustomField,
  TEmployment,
  TMe,
  TMember,
  TPerson,
  TPersonCreateRequest,
  TPersonUpdateRequest,
  TRelation,
  TRelationCreateRequest,
  TSetupRequest,
  TTrashItem,
  TWorkspaceSettings,
} from "@kontor/contracts";

type Json<T> = { content: { "application/json": T } };
type Ok<T> = { 200: Json<T> };
type NoContent = { 204: { content?: never } };
type ListQuery = { limit?: number; cursor?: string; sort?: string; q?: string; [filter: string]: unknown };
type List<T> = { data: T[]; nextCursor: string | null };
type IdPath = { path: { id: string } };

export interface SavedView {
  id: string;
  object: "person" | "company";
  name: string;
  visibility: "private" | "shared";
  filters: { field: string; op: string; value: string }[];
  columns: string[];
  sort: string | null;
  ownerId: string;
}
type SavedViewInput = Omit<SavedView, "id" | "ownerId">;

type Crud<TRecord, TCreate, TUpdate> = {
  list: {
    get: { parameters: { query?: ListQuery }; responses: Ok<List<TRecord>> };
    post: { requestBody: Json<TCreate>; responses: { 201: Json<TRecord> } };
  };
  item: {
    get: { parameters: IdPath; responses: Ok<TRecord> };
    patch: { parameters: IdPath; requestBody: Json<TUpdate>; responses: Ok<TRecord> };
    delete: { parameters: IdPath; responses: NoContent };
  };
  restore: { post: { parameters: IdPath; responses: Ok<TRecord> } };
};
type People = Crud<TPerson, TPersonCreateRequest, TPersonUpdateRequest>;
type Companies = Crud<TCompany, TCompanyCreateRequest, TCompanyUpdateRequest>;

export interface paths {
  "/api/v1/setup": {
    get: { responses: Ok<{ needsSetup: boolean }> };
    post: { requestBody: Json<TSetupRequest>; responses: { 201: Json<unknown> } };
  };
  "/api/v1/me": { get: { responses: Ok<TMe> } };
  "/api/v1/workspace/settings": {
    get: { responses: Ok<TWorkspaceSettings> };
    patch: { requestBody: Json<Partial<TWorkspaceSettings>>; responses: Ok<TWorkspaceSettings> };
  };
  "/api/v1/members": { get: { responses: Ok<{ data: TMember[] }> } };
  "/api/v1/people": People["list"];
  "/api/v1/people/{id}": People["item"];
  "/api/v1/people/{id}/restore": People["restore"];
  "/api/v1/people/{id}/employments": { get: { parameters: IdPath; responses: Ok<{ data: TEmployment[] }> } };
  "/api/v1/companies": Companies["list"];
  "/api/v1/companies/{id}": Companies["item"];
  "/api/v1/companies/{id}/restore": Companies["restore"];
  "/api/v1/custom-fields": {
    get: { parameters: { query: { object: "person" | "company" } }; responses: Ok<{ data: TCustomField[] }> };
  };
  "/api/v1/relations": {
    get: {
      parameters: { query: { recordType: "person" | "company"; recordId: string } };
      responses: Ok<{ data: TRelation[] }>;
    };
    post: { requestBody: Json<TRelationCreateRequest>; responses: { 201: Json<TRelation> } };
  };
  "/api/v1/relations/{id}": { delete: { parameters: IdPath; responses: NoContent } };
  "/api/v1/audit-log": {
    get: { parameters: { query: { recordId?: string; cursor?: string } }; responses: Ok<List<TAuditEntry>> };
  };
  "/api/v1/trash": { get: { parameters: { query?: { cursor?: string } }; responses: Ok<List<TTrashItem>> } };
  "/api/v1/saved-views": {
    get: { parameters: { query: { object: "person" | "company" } }; responses: Ok<{ data: SavedView[] }> };
    post: { requestBody: Json<SavedViewInput>; responses: { 201: Json<SavedView> } };
  };
  "/api/v1/saved-views/{id}": {
    patch: { parameters: IdPath; requestBody: Json<Partial<SavedViewInput>>; responses: Ok<SavedView> };
    delete: { parameters: IdPath; responses: NoContent };
  };
}
