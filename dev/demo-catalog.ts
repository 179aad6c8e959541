// The development store's demo catalog: enough variety to exercise the Meta catalog sync (options,
// several currencies, GTINs on some variants, out-of-stock and backorder variants, images).
// Medusa amounts are in the currency's main unit (19.99 = $19.99).

/**
 * The demo photos are files in this repository (static/demo/, drawn by dev/render-demo-images.mjs), served
 * by the store itself: Medusa serves the app's static/ folder at /static, so the demo works offline.
 */
export const DEMO_IMAGE_DIR = "static/demo"

/** Where the demo images used to come from; `npm run dev` moves stores seeded back then to the local files. */
export const LEGACY_DEMO_IMAGE_HOST = "https://medusa-public-images.s3.eu-west-1.amazonaws.com/"

/** The URL the store serves a demo image at, e.g. http://localhost:9000/static/demo/logo-cap.jpg. */
export function demoImageUrl(backendUrl: string, file: string): string {
  return `${backendUrl.replace(/\/+$/, "")}/${DEMO_IMAGE_DIR}/${encodeURIComponent(file)}`
}

export const DEMO_CATEGORIES = [
  { name: "Shirts", handle: "shirts" },
  { name: "Sweatshirts", handle: "sweatshirts" },
  { name: "Pants", handle: "pants" },
  { name: "Accessories", handle: "accessories" },
] as const

export const DEMO_COLLECTIONS = [
  { title: "Essentials", handle: "essentials" },
  { title: "Summer", handle: "summer" },
  { title: "Limited Edition", handle: "limited-edition" },
] as const

export type CategoryHandle = (typeof DEMO_CATEGORIES)[number]["handle"]
export type CollectionHandle = (typeof DEMO_COLLECTIONS)[number]["handle"]

export type DemoVariant = {
  options: Record<string, string>
  sku: string
  /** GTIN-13 (EAN) when the product has one; Meta matches catalog items across retailers with it. */
  barcode?: string
  stock: number
  allowBackorder?: boolean
}

export type DemoProduct = {
  title: string
  handle: string
  description: string
  category: CategoryHandle
  collection: CollectionHandle
  /** File names in DEMO_IMAGE_DIR; the first is the thumbnail. */
  images: string[]
  weight: number
  prices: { usd: number; eur: number }
  options: { title: string; values: string[] }[]
  variants: DemoVariant[]
}

/** GTIN-13 check digit (GS1 mod-10): weights 1,3,1,3… from the left on the first 12 digits. */
export function withGtinCheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0)
  return first12 + String((10 - (sum % 10)) % 10)
}

type VariantPlan = {
  skuPrefix: string
  options: { title: string; values: string[] }[]
  stock: (index: number) => number
  gtinPrefix?: string
  allowBackorder?: boolean
}

// Every combination of the option values, in a stable order, each with its SKU, stock and GTIN.
function variantsFor(plan: VariantPlan): DemoVariant[] {
  const combos = plan.options.reduce<Record<string, string>[]>(
    (acc, option) => acc.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.title]: value }))),
    [{}]
  )
  return combos.map((combo, index) => ({
    options: combo,
    sku: [plan.skuPrefix, ...Object.values(combo).map((v) => v.toUpperCase().replace(/\s+/g, ""))].join("-"),
    barcode: plan.gtinPrefix ? withGtinCheckDigit(plan.gtinPrefix + String(index + 1).padStart(3, "0")) : undefined,
    stock: plan.stock(index),
    allowBackorder: plan.allowBackorder,
  }))
}

const SIZES = { title: "Size", values: ["S", "M", "L", "XL"] }
const color = (...values: string[]) => ({ title: "Color", values })
const steady = (base: number) => (index: number) => base + ((index * 7) % 23)

function product(
  input: Omit<DemoProduct, "options" | "variants"> & Omit<VariantPlan, "skuPrefix"> & { sku: string }
): DemoProduct {
  const { sku, options, stock, gtinPrefix, allowBackorder, ...rest } = input
  return {
    ...rest,
    options,
    variants: variantsFor({ skuPrefix: sku, options, stock, gtinPrefix, allowBackorder }),
  }
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  product({
    title: "Classic Tee",
    handle: "classic-tee",
    description: "A heavyweight cotton T-shirt with a relaxed fit. Pre-shrunk, so it keeps its shape wash after wash.",
    category: "shirts",
    collection: "essentials",
    images: ["classic-tee-black-front.jpg", "classic-tee-black-back.jpg", "classic-tee-white-front.jpg"],
    weight: 220,
    prices: { usd: 19.99, eur: 18.5 },
    sku: "TEE",
    options: [SIZES, color("Black", "White")],
    stock: steady(40),
    gtinPrefix: "400638133",
  }),
  product({
    title: "Vintage Sweatshirt",
    handle: "vintage-sweatshirt",
    description: "Brushed-back fleece with a washed finish for a worn-in feel from day one.",
    category: "sweatshirts",
    collection: "essentials",
    images: ["vintage-sweatshirt-front.jpg", "vintage-sweatshirt-back.jpg"],
    weight: 480,
    prices: { usd: 49, eur: 45 },
    sku: "SWEAT",
    options: [SIZES],
    stock: steady(25),
    gtinPrefix: "400638134",
  }),
  product({
    title: "Everyday Sweatpants",
    handle: "everyday-sweatpants",
    description: "Tapered sweatpants with an elastic waistband, deep pockets and ribbed cuffs.",
    category: "pants",
    collection: "essentials",
    images: ["everyday-sweatpants-front.jpg", "everyday-sweatpants-back.jpg"],
    weight: 450,
    prices: { usd: 45, eur: 42 },
    sku: "SWEATPANTS",
    options: [SIZES],
    stock: steady(30),
  }),
  product({
    title: "Summer Shorts",
    handle: "summer-shorts",
    description: "Lightweight shorts with a drawcord waist, made for hot days and late evenings.",
    category: "pants",
    collection: "summer",
    images: ["summer-shorts-front.jpg", "summer-shorts-back.jpg"],
    weight: 250,
    prices: { usd: 29, eur: 27 },
    sku: "SHORTS",
    options: [SIZES],
    stock: steady(35),
    gtinPrefix: "400638135",
  }),
  product({
    title: "Organic Hoodie",
    handle: "organic-hoodie",
    description: "An organic cotton hoodie with a lined hood and a kangaroo pocket.",
    category: "sweatshirts",
    collection: "essentials",
    images: ["organic-hoodie-front.jpg"],
    weight: 560,
    prices: { usd: 59, eur: 55 },
    sku: "HOODIE",
    options: [SIZES, color("Gray", "Navy")],
    stock: steady(15),
  }),
  product({
    title: "Linen Shirt",
    handle: "linen-shirt",
    description: "A breathable linen shirt with a camp collar and mother-of-pearl buttons.",
    category: "shirts",
    collection: "summer",
    images: ["linen-shirt-front.jpg", "linen-shirt-back.jpg"],
    weight: 200,
    prices: { usd: 39.5, eur: 37 },
    sku: "LINEN",
    options: [SIZES, color("White", "Sand")],
    stock: steady(12),
    gtinPrefix: "400638136",
  }),
  product({
    title: "Chino Pants",
    handle: "chino-pants",
    description: "Slim chinos in stretch twill. The 36 waist has sold out; restock is on the way.",
    category: "pants",
    collection: "essentials",
    images: ["chino-pants-front.jpg"],
    weight: 520,
    prices: { usd: 65, eur: 60 },
    sku: "CHINO",
    options: [{ title: "Waist", values: ["30", "32", "34", "36"] }],
    // The last waist size is out of stock (and does not allow backorder).
    stock: (index) => (index === 3 ? 0 : 18 + index),
  }),
  product({
    title: "Limited Edition Tee",
    handle: "limited-edition-tee",
    description: "A numbered print run. Sold out at launch; order now and it ships from the next batch.",
    category: "shirts",
    collection: "limited-edition",
    images: ["limited-edition-tee-front.jpg"],
    weight: 230,
    prices: { usd: 34, eur: 32 },
    sku: "LTD-TEE",
    options: [SIZES],
    stock: () => 0,
    allowBackorder: true,
  }),
  product({
    title: "Canvas Tote Bag",
    handle: "canvas-tote-bag",
    description: "A sturdy 12 oz canvas tote with an inside pocket. Carries a week of groceries.",
    category: "accessories",
    collection: "summer",
    images: ["canvas-tote-bag.jpg"],
    weight: 300,
    prices: { usd: 24, eur: 22 },
    sku: "TOTE",
    options: [color("Natural", "Black")],
    stock: steady(60),
    gtinPrefix: "400638137",
  }),
  product({
    title: "Wool Beanie",
    handle: "wool-beanie",
    description: "A ribbed merino beanie: warm, soft and not itchy.",
    category: "accessories",
    collection: "essentials",
    images: ["wool-beanie.jpg"],
    weight: 90,
    prices: { usd: 22, eur: 20 },
    sku: "BEANIE",
    options: [color("Charcoal", "Mustard", "Forest")],
    stock: steady(45),
  }),
  product({
    title: "Logo Cap",
    handle: "logo-cap",
    description: "A six-panel cotton cap with an embroidered logo and an adjustable strap.",
    category: "accessories",
    collection: "summer",
    images: ["logo-cap.jpg"],
    weight: 110,
    prices: { usd: 25, eur: 23 },
    sku: "CAP",
    options: [color("Black", "Khaki")],
    stock: steady(50),
    gtinPrefix: "400638138",
  }),
  product({
    title: "Running Socks",
    handle: "running-socks",
    description: "Cushioned running socks with arch support, sold as a pack of three pairs.",
    category: "accessories",
    collection: "essentials",
    images: ["running-socks.jpg"],
    weight: 120,
    prices: { usd: 14.99, eur: 13.99 },
    sku: "SOCKS",
    options: [{ title: "Size", values: ["S", "M", "L"] }],
    stock: steady(80),
  }),
]
