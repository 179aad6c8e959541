import { leadAnswerRows, leadConsentRows, leadPersonLabel, leadQuestionLabel } from "../lead-answers"

describe("leadQuestionLabel", () => {
  it.each([
    ["email", "Email"],
    ["phone_number", "Phone number"],
    ["FULL_NAME", "Full name"],
    ["zip_code", "ZIP code"],
    ["favourite_colour", "Favourite colour"],
    ["What size do you wear?", "What size do you wear?"],
    ["__odd__key__", "Odd key"],
    ["  ", "Question"],
    ["", "Question"],
  ])("%p → %p", (key, label) => {
    expect(leadQuestionLabel(key)).toBe(label)
  })
})

describe("leadAnswerRows", () => {
  it("puts Meta's standard questions first in the usual order, then the merchant's own in the form's order", () => {
    const rows = leadAnswerRows({
      favourite_colour: "green",
      email: "ada@example.com",
      "Which store is closest?": "Soho",
      full_name: "Ada Lovelace",
      phone_number: "+14155550100",
    })
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["Full name", "Ada Lovelace"],
      ["Email", "ada@example.com"],
      ["Phone number", "+14155550100"],
      ["Favourite colour", "green"],
      ["Which store is closest?", "Soho"],
    ])
  })

  it("joins several answers and leaves out empty ones", () => {
    expect(leadAnswerRows({ sizes: ["S", "M", ""], note: "  ", empty: [], city: " Paris " })).toEqual([
      { key: "city", label: "City", value: "Paris" },
      { key: "sizes", label: "Sizes", value: "S, M" },
    ])
  })

  it.each([null, undefined, "not an object" as unknown as Record<string, unknown>])("is empty for %p", (answers) => {
    expect(leadAnswerRows(answers)).toEqual([])
  })

  it("shows numbers and booleans, drops nested objects", () => {
    expect(leadAnswerRows({ age: 42, agree: true, nested: { a: 1 } }).map((r) => r.value)).toEqual(["42", "true"])
  })
})

describe("leadPersonLabel", () => {
  it("prefers the customer's name, then the answers", () => {
    expect(leadPersonLabel({ customer: { name: "Ada L.", email: null, phone: null }, answers: { full_name: "Ada Lovelace" } })).toBe("Ada L.")
    expect(leadPersonLabel({ customer: null, answers: { full_name: "Ada Lovelace" } })).toBe("Ada Lovelace")
    expect(leadPersonLabel({ customer: null, answers: { first_name: "Grace", last_name: ["Hopper"] } })).toBe("Grace Hopper")
  })

  it("falls back to the email, then the phone, then says no name was given", () => {
    expect(leadPersonLabel({ customer: { name: null, email: "a@b.co", phone: null }, answers: {} })).toBe("a@b.co")
    expect(leadPersonLabel({ customer: null, answers: { phone_number: "+1 415" } })).toBe("+1 415")
    expect(leadPersonLabel({ customer: null, answers: { full_name: "  " } })).toBe("Name not given")
    expect(leadPersonLabel({ answers: null })).toBe("Name not given")
  })
})

describe("leadConsentRows", () => {
  it("labels each consent and reads only true as accepted", () => {
    expect(leadConsentRows({ marketing_terms: true, privacy: false, odd: "yes" })).toEqual([
      { key: "marketing_terms", label: "Marketing terms", accepted: true },
      { key: "privacy", label: "Privacy", accepted: false },
      { key: "odd", label: "Odd", accepted: false },
    ])
    expect(leadConsentRows(null)).toEqual([])
  })
})
