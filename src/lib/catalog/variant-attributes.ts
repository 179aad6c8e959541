import { singleLine, truncateText } from "./text"
import type { CatalogOptionValueInput } from "./types"

/** Feed attributes Meta reads from variant options, and the option titles merchants use for them. */
const ATTRIBUTE_OPTION_NAMES: Record<AttributeName, string[]> = {
  size: ["size", "sizes", "größe", "grosse", "taille", "talla", "tamaño", "tamanho", "taglia", "maat"],
  color: ["color", "colour", "colors", "colours", "farbe", "couleur", "cor", "colore", "kleur"],
  material: ["material", "materials", "fabric", "stoff", "matière", "matiere", "materiale"],
  pattern: ["pattern", "print", "muster", "motif"],
  gender: ["gender", "sex", "geschlecht", "genre", "género", "genero"],
  age_group: ["age group", "age_group", "age", "altersgruppe"],
  condition: ["condition", "zustand", "état", "etat"],
  brand: ["brand", "marke", "marque", "marca"],
}

export type AttributeName = "size" | "color" | "material" | "pattern" | "gender" | "age_group" | "condition" | "brand"

/** Meta's accepted values (https://developers.facebook.com/docs/commerce-platform/catalog/fields). */
const GENDERS: Record<string, string> = {
  female: "female", women: "female", woman: "female", womens: "female", "women's": "female", ladies: "female", damen: "female", femme: "female", f: "female",
  male: "male", men: "male", man: "male", mens: "male", "men's": "male", herren: "male", homme: "male", m: "male",
  unisex: "unisex", all: "unisex",
}
const AGE_GROUPS: Record<string, string> = {
  adult: "adult", adults: "adult", "all ages": "all ages", teen: "teen", teens: "teen", kids: "kids", kid: "kids",
  children: "kids", child: "kids", toddler: "toddler", toddlers: "toddler", infant: "infant", infants: "infant",
  baby: "infant", newborn: "newborn",
}
export const CONDITIONS = ["new", "refurbished", "used", "used_like_new", "used_good", "used_fair", "cpo", "open_box_new"]

/** Meta caps variant attribute values (color, size, material, pattern) at 100 characters. */
const MAX_ATTRIBUTE_LENGTH = 100

function key(text: string): string {
  return singleLine(text).toLowerCase()
}

export function attributeOf(optionTitle: string): AttributeName | undefined {
  const title = key(optionTitle)
  for (const [name, synonyms] of Object.entries(ATTRIBUTE_OPTION_NAMES) as [AttributeName, string[]][]) {
    if (synonyms.includes(title)) return name
  }
  return undefined
}

export function normalizeGender(value: unknown): string | undefined {
  return typeof value === "string" ? GENDERS[key(value)] : undefined
}

export function normalizeAgeGroup(value: unknown): string | undefined {
  return typeof value === "string" ? AGE_GROUPS[key(value)] : undefined
}

export function normalizeCondition(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined
  const normalized = key(value).replace(/[\s-]+/g, "_")
  return CONDITIONS.includes(normalized) ? normalized : undefined
}

export type VariantAttributes = {
  size?: string
  color?: string
  material?: string
  pattern?: string
  gender?: string
  age_group?: string
  condition?: string
  brand?: string
  /** Meta's `additional_variant_attribute`: "key:value,key:value" for options without a feed field. */
  additional_variant_attribute?: string
}

/** Meta splits additional_variant_attribute on "," and ":"; those characters inside names/values are replaced. */
function attributePart(text: string): string {
  return singleLine(text).replace(/[,:]/g, " ").replace(/\s+/g, " ").trim()
}

export function variantAttributes(options: CatalogOptionValueInput[]): VariantAttributes {
  const result: VariantAttributes = {}
  const extra: string[] = []
  for (const option of options) {
    const value = singleLine(option.value)
    if (!value) continue
    const name = attributeOf(option.option_title)
    if (name === "gender") {
      const gender = normalizeGender(value)
      if (gender) result.gender ??= gender
    } else if (name === "age_group") {
      const ageGroup = normalizeAgeGroup(value)
      if (ageGroup) result.age_group ??= ageGroup
    } else if (name === "condition") {
      const condition = normalizeCondition(value)
      if (condition) result.condition ??= condition
    } else if (name) {
      result[name] ??= truncateText(value, MAX_ATTRIBUTE_LENGTH)
    } else {
      const title = attributePart(option.option_title)
      const part = attributePart(value)
      if (title && part) extra.push(`${title}:${part}`)
    }
  }
  if (extra.length) result.additional_variant_attribute = extra.join(",")
  return result
}
