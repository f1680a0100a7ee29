import type { BrowserContext } from "playwright-core";

export interface Admin {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
}

/** The parts of the API's records the browser tests look at. */
export interface ApiPerson {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  companyId: string | null;
  address: { city?: string | null; country?: string | null } | null;
  birthday: string | null;
}

export interface ApiCompany {
  id: string;
  name: string;
  domain: string | null;
  annualRevenue: { amount: string; currency: string } | null;
}

export const defaultAdmin: Admin = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct-horse-battery",
  workspaceName: "Muster GmbH",
};

/** Creates the first admin of an empty install through the API (what the setup page does). */
export async function setupFirstAdmin(baseUrl: string, admin: Admin = defaultAdmin): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/setup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify(admin),
  });
  if (!response.ok) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}

/** Signs a browser context in through the auth API, so its pages and `context.request` share the cookie. */
export async function signInContext(context: BrowserContext, baseUrl: string, admin: Admin = defaultAdmin) {
  const response = await context.request.post(`${baseUrl}/api/auth/sign-in/email`, {
    data: { email: admin.email, password: admin.password },
    headers: { Origin: baseUrl },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
}

/** Calls the REST API with the context's session cookie; throws on a non-2xx answer. */
export async function callApi<T>(
  context: BrowserContext,
  baseUrl: string,
  request: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; body?: unknown },
): Promise<T> {
  const response = await context.request.fetch(`${baseUrl}${request.path}`, {
    method: request.method ?? "GET",
    data: request.body,
    headers: { Origin: baseUrl },
  });
  if (!response.ok()) {
    throw new Error(
      `${request.method ?? "GET"} ${request.path}: ${response.status()} ${await response.text()}`,
    );
  }
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** The HTTP status of a GET, for checks such as "the record is gone". */
export async function statusOf(context: BrowserContext, baseUrl: string, path: string): Promise<number> {
  const response = await context.request.get(`${baseUrl}${path}`);
  return response.status();
}
