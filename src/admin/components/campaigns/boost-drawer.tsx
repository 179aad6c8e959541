import { Alert, Button, Checkbox, Drawer, Hint, Input, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { useNavigate } from "react-router-dom"
import type { MetaPublication } from "../../../types/http/publishing"
import { useBoostMetaPublication, useMetaAdAccount, type MetaBoostBody } from "../../hooks/api/rules"
import { FORM_ERROR, parseFieldErrors } from "../rules/rule-format"
import { parseBudgetInput } from "./campaigns-format"
import { useChangeKey } from "./use-change-key"

type Props = { publication: MetaPublication; open: boolean; onClose: () => void }

// The markets merchants pick most; any other ISO code can be typed.
const COMMON_COUNTRIES = ["US", "GB", "CA", "AU", "DE", "FR", "ES", "IT", "NL", "MX", "BR", "CO"]

const BOOST_FIELDS = ["objective", "daily_budget", "lifetime_budget", "duration_days", "audience.countries", "audience.age_min", "audience.age_max", "audience.genders", "audience", "publication_id"]

type Form = {
  objective: MetaBoostBody["objective"]
  budgetType: "daily_budget" | "lifetime_budget"
  amount: string
  duration: string
  countries: string[]
  otherCountry: string
  ageMin: string
  ageMax: string
  gender: "all" | "male" | "female"
}

const initialForm = (): Form => ({
  objective: "OUTCOME_ENGAGEMENT",
  budgetType: "daily_budget",
  amount: "",
  duration: "7",
  countries: ["US"],
  otherCountry: "",
  ageMin: "18",
  ageMax: "65",
  gender: "all",
})

/** A whole number as a number; anything else as typed, so the route names the field. */
const wholeOrText = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim())

const Field = ({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Text size="small" weight="plus">
      {label}
    </Text>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint ? <Hint>{hint}</Hint> : null}
  </div>
)

/** Boosts a published post: a campaign, ad set, creative and ad, all created PAUSED until switched on in Campaigns. */
export const BoostDrawer = ({ publication, open, onClose }: Props) => {
  const account = useMetaAdAccount()
  const boost = useBoostMetaPublication()
  const changeKey = useChangeKey()
  const navigate = useNavigate()
  const [form, setForm] = useState<Form>(initialForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const currency = account.data?.currency

  useEffect(() => {
    if (!open) return
    setForm(initialForm())
    setErrors({})
  }, [open, publication.id])

  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }))
  const toggleCountry = (code: string, on: boolean) =>
    set({ countries: on ? [...new Set([...form.countries, code])] : form.countries.filter((c) => c !== code) })
  const addOther = () => {
    const codes = form.otherCountry
      .split(/[\s,]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean)
    if (codes.length) set({ countries: [...new Set([...form.countries, ...codes])], otherCountry: "" })
  }

  const onSubmit = () => {
    if (!currency) return
    const parsed = parseBudgetInput(form.amount, currency)
    if (!parsed.ok) {
      setErrors({ [form.budgetType]: parsed.message })
      return
    }
    const intent: Omit<MetaBoostBody, "idempotency_key"> = {
      publication_id: publication.id,
      objective: form.objective,
      [form.budgetType]: parsed.amount,
      duration_days: wholeOrText(form.duration),
      audience: {
        countries: form.countries,
        ...(form.ageMin.trim() ? { age_min: wholeOrText(form.ageMin) } : {}),
        ...(form.ageMax.trim() ? { age_max: wholeOrText(form.ageMax) } : {}),
        ...(form.gender !== "all" ? { genders: [form.gender] } : {}),
      },
    }
    // The same boost sent again (a double click, a retry after a lost answer) carries the same key: one campaign.
    boost.mutate({ ...intent, idempotency_key: changeKey.keyFor(JSON.stringify(intent)) }, {
      onSuccess: ({ campaign, change }) => {
        changeKey.settle()
        onClose()
        const show = { label: "Open Campaigns", altText: "Open Campaigns", onClick: () => navigate(`/meta/campaigns?campaign_id=${campaign.id}`) }
        const description = "Created paused: switch it on in Campaigns when you are ready."
        if (change.warnings.length) toast.warning(`Campaign ${campaign.name} created, with Meta's warnings`, { description: change.warnings.join(" "), action: show })
        else toast.success(`Campaign ${campaign.name} created`, { description, action: show })
      },
      onError: (e) => setErrors(parseFieldErrors(e.message, BOOST_FIELDS)),
    })
  }

  const budgetError = errors[form.budgetType] ?? errors.daily_budget ?? errors.lifetime_budget
  const formError = errors[FORM_ERROR] ?? errors.publication_id ?? errors.audience

  return (
    <Drawer open={open} onOpenChange={(next) => !next && onClose()}>
      <Drawer.Content data-testid="meta-boost-drawer">
        <Drawer.Header>
          <Drawer.Title>Boost this post</Drawer.Title>
          <Drawer.Description className="sr-only">A campaign, ad set, creative and ad for this post, all created paused.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5 overflow-y-auto">
          {account.isPending && <Text size="small" className="text-ui-fg-subtle">Loading the ad account…</Text>}
          {account.isError && <Alert variant="error">The ad account could not be read: {account.error.message}</Alert>}
          {account.data === null && <Alert variant="warning">No ad account selected: choose one in Settings → Meta first.</Alert>}
          {currency && (
            <>
              <Text size="small" className="text-ui-fg-subtle">
                Everything is created paused: nothing is spent until you switch the campaign on in Campaigns.
              </Text>
              {formError && <Alert variant="error" data-testid="meta-boost-error">{formError}</Alert>}

              <Field label="Objective" error={errors.objective}>
                <RadioGroup value={form.objective} onValueChange={(objective) => set({ objective: objective as Form["objective"] })}>
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="OUTCOME_ENGAGEMENT" id="boost-engagement" />
                    <Label htmlFor="boost-engagement" size="small">Engagement: likes, comments, shares</Label>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="OUTCOME_TRAFFIC" id="boost-traffic" />
                    <Label htmlFor="boost-traffic" size="small">Traffic: visits to the post's link</Label>
                  </div>
                </RadioGroup>
              </Field>

              <Field label="Budget" error={budgetError}>
                <RadioGroup className="flex gap-x-4" value={form.budgetType} onValueChange={(budgetType) => set({ budgetType: budgetType as Form["budgetType"] })}>
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="daily_budget" id="boost-daily" />
                    <Label htmlFor="boost-daily" size="small">Per day</Label>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="lifetime_budget" id="boost-lifetime" />
                    <Label htmlFor="boost-lifetime" size="small">In total</Label>
                  </div>
                </RadioGroup>
                <div className="flex items-center gap-x-2">
                  <Input
                    size="small"
                    className="w-32"
                    inputMode="decimal"
                    value={form.amount}
                    aria-label="Budget amount"
                    aria-invalid={!!budgetError}
                    onChange={(e) => set({ amount: e.target.value })}
                    data-testid="meta-boost-amount"
                  />
                  <Text size="small" className="text-ui-fg-subtle">{currency}</Text>
                </div>
                {!budgetError && account.data?.minimum_daily_budget && form.budgetType === "daily_budget" && (
                  <Hint>Meta's minimum for this account: {account.data.minimum_daily_budget} {currency} a day</Hint>
                )}
              </Field>

              <Field label="Duration (days)" error={errors.duration_days} hint="1 to 90 days.">
                <Input size="small" className="w-24" inputMode="numeric" value={form.duration} onChange={(e) => set({ duration: e.target.value })} data-testid="meta-boost-duration" />
              </Field>

              <Field label="Countries" error={errors["audience.countries"]}>
                <div className="grid grid-cols-4 gap-2">
                  {[...new Set([...COMMON_COUNTRIES, ...form.countries])].map((code) => (
                    <div key={code} className="flex items-center gap-x-1">
                      <Checkbox id={`boost-country-${code}`} checked={form.countries.includes(code)} onCheckedChange={(on) => toggleCountry(code, on === true)} />
                      <Label htmlFor={`boost-country-${code}`} size="small">{code}</Label>
                    </div>
                  ))}
                </div>
                <div className="flex items-center gap-x-2">
                  <Input
                    size="small"
                    className="w-40"
                    placeholder="Other: PT, CL"
                    value={form.otherCountry}
                    aria-label="Other country codes"
                    onChange={(e) => set({ otherCountry: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") {
                        e.preventDefault()
                        addOther()
                      }
                    }}
                  />
                  <Button size="small" variant="secondary" type="button" onClick={addOther}>Add</Button>
                </div>
              </Field>

              <Field label="Age" error={errors["audience.age_min"] ?? errors["audience.age_max"]} hint="13 to 65 (65 means 65 and over).">
                <div className="flex items-center gap-x-2">
                  <Input size="small" className="w-20" inputMode="numeric" value={form.ageMin} aria-label="Youngest age" onChange={(e) => set({ ageMin: e.target.value })} />
                  <Text size="small" className="text-ui-fg-subtle">to</Text>
                  <Input size="small" className="w-20" inputMode="numeric" value={form.ageMax} aria-label="Oldest age" onChange={(e) => set({ ageMax: e.target.value })} />
                </div>
              </Field>

              <Field label="Gender" error={errors["audience.genders"]}>
                <RadioGroup className="flex gap-x-4" value={form.gender} onValueChange={(gender) => set({ gender: gender as Form["gender"] })}>
                  {(["all", "female", "male"] as const).map((g) => (
                    <div key={g} className="flex items-center gap-x-2">
                      <RadioGroup.Item value={g} id={`boost-gender-${g}`} />
                      <Label htmlFor={`boost-gender-${g}`} size="small">{g === "all" ? "Everyone" : g === "female" ? "Women" : "Men"}</Label>
                    </div>
                  ))}
                </RadioGroup>
              </Field>
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">Cancel</Button>
          </Drawer.Close>
          <Button size="small" disabled={!currency} isLoading={boost.isPending} onClick={onSubmit} data-testid="meta-boost-submit">
            Create paused campaign
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
