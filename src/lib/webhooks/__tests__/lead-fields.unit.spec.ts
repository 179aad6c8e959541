import {
  customerUpdateFromLead,
  leadToCustomerFields,
  normalizeLeadEmail,
  normalizeLeadPhone,
  splitFullName,
} from "../lead-fields"

describe("leadToCustomerFields", () => {
  it("maps Meta's standard questions, custom answers and disclaimer checkboxes", () => {
    const fields = leadToCustomerFields({
      field_data: [
        { name: "email", values: [" Ada@Example.COM "] },
        { name: "full_name", values: ["Ada  Lovelace King"] },
        { name: "phone_number", values: ["+1 (415) 555-0100"] },
        { name: "favourite_colour", values: ["green", "blue"] },
        { name: "marketing_opt_in", values: ["Yes"] },
      ],
      custom_disclaimer_responses: [{ checkbox_key: "terms", is_checked: "1" }, { checkbox_key: "sms", is_checked: false }],
    })
    expect(fields).toEqual({
      email: "ada@example.com",
      phone: "+14155550100",
      first_name: "Ada",
      last_name: "Lovelace King",
      answers: {
        email: " Ada@Example.COM ",
        full_name: "Ada  Lovelace King",
        phone_number: "+1 (415) 555-0100",
        favourite_colour: ["green", "blue"],
        marketing_opt_in: "Yes",
      },
      consents: [
        { key: "terms", accepted: true },
        { key: "sms", accepted: false },
        { key: "marketing_opt_in", accepted: true },
      ],
    })
  })

  it("prefers first_name/last_name over full_name", () => {
    const fields = leadToCustomerFields({
      field_data: [
        { name: "first_name", values: ["Grace"] },
        { name: "last_name", values: ["Hopper"] },
        { name: "full_name", values: ["G H"] },
      ],
    })
    expect([fields.first_name, fields.last_name]).toEqual(["Grace", "Hopper"])
  })

  it.each([
    ["no field_data", {}],
    ["field_data not an array", { field_data: "x" }],
    ["items without names or values", { field_data: [null, 5, { name: "" }, { name: "x" }, { name: "y", values: [{}] }] }],
  ])("survives %s", (_, lead) => {
    expect(leadToCustomerFields(lead as any)).toEqual({
      email: null, phone: null, first_name: null, last_name: null, answers: {}, consents: [],
    })
  })

  it("ignores consent-like questions that are not yes/no", () => {
    const fields = leadToCustomerFields({ field_data: [{ name: "newsletter_topics", values: ["shoes"] }] })
    expect(fields.consents).toEqual([])
  })
})

describe("normalizers", () => {
  it.each([
    ["a@b.co", "a@b.co"],
    [" A@B.CO ", "a@b.co"],
    ["not-an-email", null],
    ["a@b", null],
    ["a b@c.de", null],
    ["", null],
    [undefined, null],
    [`${"x".repeat(250)}@b.co`, null],
  ])("email %j → %j", (input, expected) => {
    expect(normalizeLeadEmail(input)).toBe(expected)
  })

  it.each([
    ["+1 415 555 0100", "+14155550100"],
    ["0049 30 1234567", "+49301234567"],
    ["415-555-0100", "4155550100"],
    ["12345", null],
    ["+1234567890123456", null],
    ["call me", null],
    [undefined, null],
  ])("phone %j → %j", (input, expected) => {
    expect(normalizeLeadPhone(input)).toBe(expected)
  })

  it.each([
    ["Ada", { first_name: "Ada", last_name: null }],
    ["  Ada   Lovelace ", { first_name: "Ada", last_name: "Lovelace" }],
    ["", { first_name: null, last_name: null }],
    [undefined, { first_name: null, last_name: null }],
  ])("splitFullName(%j)", (input, expected) => {
    expect(splitFullName(input)).toEqual(expected)
  })
})

describe("customerUpdateFromLead", () => {
  const lead = { email: "a@b.co", phone: "+1415", first_name: "Ada", last_name: "L" }
  it.each([
    [{ email: "a@b.co", first_name: null, last_name: "", phone: null }, { first_name: "Ada", last_name: "L", phone: "+1415" }],
    [{ email: "a@b.co", first_name: "Merchant-edited", last_name: "X", phone: "+1" }, null],
    [{ phone: "+1415" }, { email: "a@b.co", first_name: "Ada", last_name: "L" }],
  ])("existing %j → %j", (existing, expected) => {
    expect(customerUpdateFromLead(existing, lead)).toEqual(expected)
  })
})
