print("amr")
