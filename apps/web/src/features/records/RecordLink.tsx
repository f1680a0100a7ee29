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
  const to = segment === "people" ? "/people/$id" : "/companies/$id";
  return (
    <Anchor component={Link} to={to} params={{ id }} fz="sm" fw={500} truncate="end">
      {children}
    </Anchor>
  );
}
