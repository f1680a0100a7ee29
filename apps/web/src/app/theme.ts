import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "kontor",
  primaryShade: { light: 7, dark: 4 },
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
});
