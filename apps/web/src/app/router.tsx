import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { meQuery, setupStatusQuery } from "../features/session/session-api.ts";
import { queryClient } from "../lib/query-client.ts";
import { NotFound, RouteError, RoutePending } from "./route-states.tsx";
import { AppShellLayout } from "./shell/AppShellLayout.tsx";

const newRecordSearch = (search: Record<string, unknown>): { new?: boolean } =>
  search.new === true || search.new === "true" ? { new: true } : {};

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

async function redirectIfSignedIn() {
  const me = await queryClient.ensureQueryData(meQuery);
  if (me) throw redirect({ to: "/people" });
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  beforeLoad: async () => {
    const status = await queryClient.ensureQueryData(setupStatusQuery);
    if (status.needsSetup) throw redirect({ to: "/setup" });
    await redirectIfSignedIn();
  },
  component: lazyRouteComponent(() => import("../features/auth/SignInPage.tsx"), "SignInPage"),
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async () => {
    const status = await queryClient.fetchQuery({ ...setupStatusQuery, staleTime: 0 });
    if (!status.needsSetup) throw redirect({ to: "/sign-in" });
  },
  component: lazyRouteComponent(() => import("../features/auth/SetupPage.tsx"), "SetupPage"),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(
    () => import("../features/auth/ForgotPasswordPage.tsx"),
    "ForgotPasswordPage",
  ),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>) => ({
    token: typeof search.token === "string" ? search.token : undefined,
  }),
  component: lazyRouteComponent(() => import("../features/auth/ResetPasswordPage.tsx"), "ResetPasswordPage"),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async () => {
    const me = await queryClient.ensureQueryData(meQuery);
    if (me) return;
    const status = await queryClient.ensureQueryData(setupStatusQuery);
    throw redirect({ to: status.needsSetup ? "/setup" : "/sign-in" });
  },
  component: AppShellLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/people" });
  },
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people",
  validateSearch: newRecordSearch,
  component: lazyRouteComponent(() => import("../features/people/PeopleListPage.tsx"), "PeopleListPage"),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/people/$id",
  component: lazyRouteComponent(() => import("../features/people/PersonPage.tsx"), "PersonPage"),
});

const companiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/companies",
  validateSearch: newRecordSearch,
  component: lazyRouteComponent(
    () => import("../features/companies/CompaniesListPage.tsx"),
    "CompaniesListPage",
  ),
});

const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/companies/$id",
  component: lazyRouteComponent(() => import("../features/companies/CompanyPage.tsx"), "CompanyPage"),
});

const segmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/segments",
  component: lazyRouteComponent(() => import("../features/segments/SegmentsPage.tsx"), "SegmentsPage"),
});

const segmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/segments/$id",
  component: lazyRouteComponent(() => import("../features/segments/SegmentPage.tsx"), "SegmentPage"),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/duplicates",
  validateSearch: (search: Record<string, unknown>): { object?: "person" | "company" } =>
    search.object === "company" ? { object: "company" } : {},
  component: lazyRouteComponent(() => import("../features/duplicates/DuplicatesPage.tsx"), "DuplicatesPage"),
});

const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/tasks",
  component: lazyRouteComponent(() => import("../features/tasks/MyTasksPage.tsx"), "MyTasksPage"),
});

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/calendar",
  component: lazyRouteComponent(() => import("../features/calendar/CalendarPage.tsx"), "CalendarPage"),
});

const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/projects",
  component: lazyRouteComponent(() => import("../features/projects/ProjectsPage.tsx"), "ProjectsPage"),
});

const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/projects/$projectId",
  component: lazyRouteComponent(() => import("../features/projects/ProjectPage.tsx"), "ProjectPage"),
});

const trashRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/trash",
  component: lazyRouteComponent(() => import("../features/trash/TrashPage.tsx"), "TrashPage"),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: lazyRouteComponent(() => import("../features/settings/SettingsPage.tsx"), "SettingsPage"),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  setupRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  appRoute.addChildren([
    indexRoute,
    peopleRoute,
    personRoute,
    companiesRoute,
    companyRoute,
    segmentsRoute,
    segmentRoute,
    duplicatesRoute,
    tasksRoute,
    calendarRoute,
    projectsRoute,
    projectRoute,
    trashRoute,
    settingsRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: "intent",
  defaultPendingComponent: RoutePending,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
