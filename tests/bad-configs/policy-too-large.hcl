teams = [
  "team-01",
  "team-02",
  "team-03",
  "team-04",
  "team-05",
  "team-06",
  "team-07",
  "team-08",
  "team-09",
  "team-10",
  "team-11",
  "team-12",
  "team-13",
  "team-14",
  "team-15",
  "team-16",
  "team-17",
  "team-18",
  "team-19",
  "team-20",
  "team-21",
  "team-22",
  "team-23",
  "team-24",
  "team-25",
  "team-26",
  "team-27",
  "team-28",
  "team-29",
  "team-30",
  "team-31",
  "team-32",
  "team-33",
  "team-34",
  "team-35",
  "team-36",
  "team-37",
  "team-38",
  "team-39",
  "team-40",
]
bucket "webqsee" {
  region = "eu-central-1"
}
bucket "webqsee-eu-west" {
  region = "eu-west-1"
}
user "webqsee-admin-user" {}
