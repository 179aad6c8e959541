/**
 * Distinct orders for the CPU benchmark (bench/capi.bench.ts part d): every order has its own id, email,
 * customer, name, phone number and address, across ten countries and the phone formats shoppers type
 * (national with a trunk "0", "+", "00", punctuation). Both implementations get the same values, and
 * nothing repeats, so no per-value cache on either side could help.
 */
import type { OrderLike } from "../../../src/lib/capi"

type CountryFixture = {
  code: string
  cities: string[]
  provinces: string[]
  zip: (n: number) => string
  /** Phone formats; `d(k)` gives k digits that change with the order index. */
  phones: Array<(d: (k: number) => string) => string>
}

const COUNTRIES: CountryFixture[] = [
  {
    code: "DE",
    cities: ["Köln", "München", "Berlin", "Düsseldorf"],
    provinces: ["NW", "de-by", "Berlin", ""],
    zip: (n) => String(10000 + (n % 89999)),
    phones: [(d) => `0221 ${d(6)}`, (d) => `+49 30 ${d(7)}`, (d) => `0049 (0)89 ${d(7)}`, (d) => `0151-${d(8)}`],
  },
  {
    code: "US",
    cities: ["New York", "San Francisco", "St. Louis", "Coeur d'Alene"],
    provinces: ["us-ca", "California", "NY", "new york"],
    zip: (n) => (n % 2 ? `${String(10000 + (n % 89999))}-${String(1000 + (n % 8999))}` : String(10000 + (n % 89999))),
    phones: [(d) => `(415) 555-${d(4)}`, (d) => `+1 212 555 ${d(4)}`, (d) => `646.555.${d(4)}`, (d) => `1-303-555-${d(4)}`],
  },
  {
    code: "GB",
    cities: ["London", "Manchester", "King's Lynn", "Newcastle upon Tyne"],
    provinces: ["", "Greater London", "gb-eng", "Norfolk"],
    zip: (n) => ["SW1A 1AA", "M1 1AE", "PE30 1EZ", "NE1 4ST"][n % 4],
    phones: [(d) => `020 7946 ${d(4)}`, (d) => `+44 7700 900${d(3)}`, (d) => `0044 161 496 ${d(4)}`, (d) => `07700 9${d(5)}`],
  },
  {
    code: "FR",
    cities: ["Paris", "Saint-Étienne", "Aix-en-Provence", "Orléans"],
    provinces: ["fr-idf", "Île-de-France", "", "Provence-Alpes-Côte d'Azur"],
    zip: (n) => String(10000 + (n % 85000)),
    phones: [(d) => `06 12 ${d(2)} ${d(2)} ${d(2)}`, (d) => `+33 6 12 34 ${d(4)}`, (d) => `01.42.${d(2)}.${d(2)}.${d(2)}`],
  },
  {
    code: "BR",
    cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte"],
    provinces: ["SP", "RJ", "Minas Gerais"],
    zip: (n) => `${String(10000 + (n % 89999))}-${String(100 + (n % 899))}`,
    phones: [(d) => `11 91234-${d(4)}`, (d) => `+55 21 9${d(8)}`, (d) => `(31) 9${d(4)}-${d(4)}`],
  },
  {
    code: "NL",
    cities: ["Amsterdam", "'s-Hertogenbosch", "Den Haag"],
    provinces: ["Noord-Holland", "nl-nb", ""],
    zip: (n) => `${1000 + (n % 8999)} AB`,
    phones: [(d) => `020 123 ${d(4)}`, (d) => `+31 6 ${d(8)}`, (d) => `06-${d(8)}`],
  },
  {
    code: "ES",
    cities: ["A Coruña", "Málaga", "Madrid"],
    provinces: ["Galicia", "es-an", "Madrid"],
    zip: (n) => String(10000 + (n % 42000)),
    phones: [(d) => `612 ${d(2)} ${d(2)} ${d(2)}`, (d) => `+34 912 345 ${d(3)}`, (d) => `0034 6${d(8)}`],
  },
  {
    code: "IT",
    cities: ["Roma", "Forlì", "Reggio nell'Emilia"],
    provinces: ["RM", "it-fc", "Emilia-Romagna"],
    zip: (n) => String(10000 + (n % 89999)),
    phones: [(d) => `+39 06 1234 ${d(4)}`, (d) => `333 123 ${d(4)}`, (d) => `0039 02 ${d(8)}`],
  },
  {
    code: "CA",
    cities: ["Montréal", "Toronto", "Québec"],
    provinces: ["Quebec", "ca-on", "QC"],
    zip: (n) => ["H2X 1Y4", "M5V 3L9", "G1R 4P5"][n % 3],
    phones: [(d) => `(514) 555-${d(4)}`, (d) => `+1 416 555 ${d(4)}`],
  },
  {
    code: "AU",
    cities: ["Sydney", "Melbourne", "Wagga Wagga"],
    provinces: ["NSW", "au-vic", "New South Wales"],
    zip: (n) => String(2000 + (n % 7000)),
    phones: [(d) => `0412 345 ${d(3)}`, (d) => `+61 2 9876 ${d(4)}`, (d) => `(02) 9876 ${d(4)}`],
  },
]

const FIRST = ["Zoë", "José", "Ólafur", "Mary-Jane", "Siobhán", "Jean-Luc", "Ana", "Łukasz", "O'Neil", "Yuki"]
const LAST = ["D'Arcy", "Müller", "van der Berg", "García Márquez", "O'Brien", "Nguyễn", "St. John", "Smith"]
const SKUS = ["TSHIRT-M", "TSHIRT-L", "HOODIE-S", "MUG-01", "CAP-RED"]
const PRICES = [19.95, 44.8, 5, 12.5, 99.99, 0.5]

/** The `i`-th order: distinct in every field that is normalized or hashed. */
export function benchOrder(i: number): OrderLike & { shipping_address: NonNullable<OrderLike["shipping_address"]> } {
  const country = COUNTRIES[i % COUNTRIES.length]
  const k = Math.floor(i / COUNTRIES.length)
  // Digits that change with i (k disambiguates within a country), never a leading zero.
  const d = (n: number) => String(10 ** (n - 1) + ((k * 7919 + i) % (9 * 10 ** (n - 1))))
  const items = Array.from({ length: 1 + (i % 3) }, (_, j) => ({
    quantity: 1 + ((i + j) % 3),
    unit_price: PRICES[(i + j) % PRICES.length],
    variant_id: `variant_${(i + j) % 50}`,
    variant_sku: SKUS[(i + j) % SKUS.length],
  }))
  return {
    id: `order_${String(i).padStart(8, "0")}`,
    created_at: new Date(1_750_000_000_000 + i * 1000),
    currency_code: i % 4 ? "eur" : "usd",
    // Medusa hands totals out as exact decimals, not float sums.
    total: Math.round(items.reduce((sum, item) => sum + item.quantity * item.unit_price, 0) * 100) / 100,
    email: i % 5 ? ` ${FIRST[i % FIRST.length].normalize("NFD").replace(/\p{M}|\W/gu, "")}.Shopper${i}@Example.COM ` : `shopper+${i}@mail.example.co.uk`,
    customer_id: i % 3 ? `cus_${i.toString(36).toUpperCase()}` : null,
    shipping_address: {
      first_name: FIRST[i % FIRST.length],
      last_name: LAST[(i >> 1) % LAST.length],
      phone: country.phones[k % country.phones.length](d),
      city: country.cities[k % country.cities.length],
      province: country.provinces[(k >> 1) % country.provinces.length],
      postal_code: country.zip(i),
      country_code: k % 2 ? country.code : country.code.toLowerCase(),
    },
    items,
  }
}
