"""The demo landlord (`putright demo`): its settings, staff and a year of complaints, all
made through the real services (`build.build_demo`), from the made-up names and texts in
`content`, which the generator shares."""
