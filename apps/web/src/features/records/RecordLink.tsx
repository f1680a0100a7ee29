import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

export function RecordLink({
  segment,
  id,
  children,
}: {
  segment: "people" | "companies";
  id: string;
  children: ReactNode;
}) {
  return (
    <Anchor
      fz="sm"
      fw={500}
      truncate="end"
      renderRoot={(props) =>
        segment === "people" ? (
          <Link to="/people/$id" params={{ id }} {...props} />
        ) : (
          <Link to="/companies/$id" params={{ id }} {...props} />
        )
      }
    >
      {children}
    </Anchor>
  );
}
