import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ApiUsageSection } from "../../../components/api-usage-section"
import { AssetsSection } from "../../../components/assets-section"
import { CatalogSection } from "../../../components/catalog/catalog-section"
import { ConnectSection } from "../../../components/connect-section"
import { ConnectionStatusSection } from "../../../components/connection-status-section"
import { FeaturesSection } from "../../../components/features-section"
import { MetaLoadError } from "../../../components/meta-load-error"
import { MetaPageSkeleton } from "../../../components/meta-page-skeleton"
import { SetupValuesSection } from "../../../components/setup/setup-values-section"
import { useMetaConnection } from "../../../hooks/api/connection"
import { useOAuthResultToast } from "../../../hooks/use-oauth-result-toast"

const MetaSettingsPage = () => {
  const { connection, isPending, isError, error, refetch } = useMetaConnection()
  useOAuthResultToast(!isPending)

  if (isPending) {
    return <MetaPageSkeleton />
  }

  if (isError) {
    return <MetaLoadError message={error.message} onRetry={() => refetch()} />
  }

  if (!connection) {
    // The redirect URI must be in the Meta app before the first Connect can work.
    return (
      <div className="flex flex-col gap-y-3">
        <ConnectSection />
        <SetupValuesSection />
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <ConnectionStatusSection connection={connection} />
      <AssetsSection connection={connection} />
      <FeaturesSection connection={connection} />
      <SetupValuesSection />
      <CatalogSection />
      <ApiUsageSection usage={connection.api_usage} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Meta",
})

export default MetaSettingsPage
