import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function DemoBanner() {
  const { t } = useTranslation();
  const text = t("app.demoBanner");
  return (
    <Box
      bg="yellow.1"
      px="md"
      h={32}
      style={{ display: "flex", alignItems: "center" }}
      data-testid="demo-banner"
    >
      <Text size="sm" fw={700} c="yellow.9" truncate="end" title={text}>
        {text}
      </Text>
    </Box>
  );
}
