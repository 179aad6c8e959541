import { emptyWorld, type World } from "./world"

/**
 * The default sandbox world (deterministic, numeric-string ids like Meta's):
 * Alex Merchant (10001) is an admin of Acme Commerce (20001), which owns two pages (one with an
 * Instagram business account), two ad accounts and a pixel, and no catalog (auto-setup creates one).
 */
export const SEED_IDS = {
  userId: "10001",
  systemUserId: "10002",
  businessId: "20001",
  pageIds: ["30001", "30002"],
  igAccountId: "40001",
  adAccountIds: ["act_50001", "act_50002"],
  pixelId: "60001",
} as const

export function seedWorld(nowMs: number): World {
  const world = emptyWorld()
  const created = new Date(nowMs - 400 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, "+0000")
  world.users["10001"] = { id: "10001", name: "Alex Merchant", email: "alex@acme.example" }
  world.users["10002"] = {
    id: "10002",
    name: "Acme Sandbox System User",
    email: "",
    isSystemUser: true,
    businessId: "20001",
  }
  world.businesses["20001"] = {
    id: "20001",
    name: "Acme Commerce",
    verificationStatus: "verified",
    createdTime: created,
    memberIds: ["10001", "10002"],
  }
  const tasks = ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"]
  world.pages["30001"] = {
    id: "30001",
    name: "Acme Store",
    category: "Shopping & retail",
    businessId: "20001",
    instagramBusinessAccountId: "40001",
    tasks,
    fanCount: 1280,
  }
  world.pages["30002"] = {
    id: "30002",
    name: "Acme Outlet",
    category: "Outlet store",
    businessId: "20001",
    tasks,
    fanCount: 312,
  }
  world.igAccounts["40001"] = {
    id: "40001",
    username: "acmestore",
    name: "Acme Store",
    pageId: "30001",
    followersCount: 5400,
    mediaCount: 87,
    biography: "Everyday goods, delivered.",
  }
  world.adAccounts["act_50001"] = {
    id: "act_50001",
    accountId: "50001",
    name: "Acme Ads",
    currency: "USD",
    accountStatus: 1,
    timezoneName: "America/Los_Angeles",
    businessId: "20001",
  }
  world.adAccounts["act_50002"] = {
    id: "act_50002",
    accountId: "50002",
    name: "Acme EU",
    currency: "EUR",
    accountStatus: 1,
    timezoneName: "Europe/Berlin",
    businessId: "20001",
  }
  world.pixels["60001"] = { id: "60001", name: "Acme Pixel", businessId: "20001", creationTime: created }
  return world
}
