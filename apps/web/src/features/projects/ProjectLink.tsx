import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

/** A link to a project's page. */
export function ProjectLink({
  id,
  children,
  size = "sm",
}: {
  id: string;
  children: ReactNode;
  size?: string;
}) {
  return (
    <Anchor
      fz={size}
      fw={600}
      renderRoot={(props) => <Link to="/projects/$projectId" params={{ projectId: id }} {...props} />}
      style={{ overflowWrap: "anywhere" }}
      data-testid={`project-link-${id}`}
    >
      {children}
    </Anchor>
  );
}
