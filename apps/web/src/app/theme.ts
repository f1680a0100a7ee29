import { type CSSVariablesResolver, createTheme, Modal, Notification } from "@mantine/core";

/**
 * Darker dimmed text, darker red on light red (the "Move to trash" button), darker orange on light
 * orange (warnings: a version conflict, a restore that needs its parent first; no Mantine orange
 * shade reaches 4.5:1 there) and lighter links in dark mode, so small text keeps a 4.5:1 contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-red-light-color": "var(--mantine-color-red-9)",
    "--mantine-color-orange-light-color": "#b83d0d",
  },
  dark: {
    "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
    "--mantine-color-anchor": "var(--mantine-color-kontor-3)",
    "--mantine-color-error": "var(--mantine-color-red-4)",
  },
});

/** Kontor's theme; `closeLabel` names the close buttons of dialogs and notifications in the UI language. */
export function createKontorTheme(closeLabel: string) {
  return createTheme({
    primaryColor: "kontor",
    primaryShade: { light: 7, dark: 6 },
    colors: {
      kontor: [
        "#e8f1fb",
        "#cfdff2",
        "#9dbde6",
        "#689ad9",
        "#3f7ccd",
        "#2769c3",
        "#1c5fb5",
        "#1c4f8c",
        "#123f73",
        "#06305d",
      ],
    },
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    defaultRadius: "md",
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": closeLabel } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { "aria-label": closeLabel } } }),
    },
  });
}
