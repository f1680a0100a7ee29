import { Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format.ts";
import { segmentCountQuery } from "./segments-api.ts";

/** The live member count of a saved segment. */
export function SegmentCount({ id, size = "sm" }: { id: string; size?: string }) {
  const { t } = useTranslation("segments");
  const { data, isError } = useQuery(segmentCountQuery(id));
  if (isError) return <Text size={size}>–</Text>;
  if (data === undefined) return <Loader size="xs" aria-label={t("common:loading")} />;
  return (
    <Text
      size={size}
      fw={600}
      data-testid={`segment-count-${id}`}
      data-count={data}
      style={{ fontVariantNumeric: "tabular-nums" }}
    >
      {formatNumber(data)}
    </Text>
  );
}
