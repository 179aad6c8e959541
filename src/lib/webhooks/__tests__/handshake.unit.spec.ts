import { answerHandshake } from "../handshake"

const TOKEN = "verify-token-123"

describe("answerHandshake", () => {
  it.each([
    ["Meta's subscribe request", { "hub.mode": "subscribe", "hub.verify_token": TOKEN, "hub.challenge": "1158201444" }, TOKEN, "1158201444"],
    ["a wrong token", { "hub.mode": "subscribe", "hub.verify_token": "nope-nope-nope", "hub.challenge": "1" }, TOKEN, null],
    ["a token differing in case", { "hub.mode": "subscribe", "hub.verify_token": TOKEN.toUpperCase(), "hub.challenge": "1" }, TOKEN, null],
    ["a token prefix", { "hub.mode": "subscribe", "hub.verify_token": TOKEN.slice(0, -1), "hub.challenge": "1" }, TOKEN, null],
    ["another mode", { "hub.mode": "unsubscribe", "hub.verify_token": TOKEN, "hub.challenge": "1" }, TOKEN, null],
    ["no mode", { "hub.verify_token": TOKEN, "hub.challenge": "1" }, TOKEN, null],
    ["no challenge", { "hub.mode": "subscribe", "hub.verify_token": TOKEN }, TOKEN, null],
    ["an empty challenge", { "hub.mode": "subscribe", "hub.verify_token": TOKEN, "hub.challenge": "" }, TOKEN, null],
    ["an oversized challenge", { "hub.mode": "subscribe", "hub.verify_token": TOKEN, "hub.challenge": "9".repeat(300) }, TOKEN, null],
    ["a repeated parameter (array)", { "hub.mode": "subscribe", "hub.verify_token": [TOKEN, TOKEN], "hub.challenge": "1" }, TOKEN, null],
    ["no token configured", { "hub.mode": "subscribe", "hub.verify_token": TOKEN, "hub.challenge": "1" }, undefined, null],
    ["an empty token against none configured", { "hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1" }, undefined, null],
  ] as const)("%s", (_, query, configured, expected) => {
    expect(answerHandshake(query as any, configured)).toBe(expected)
  })
})
