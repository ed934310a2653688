from allegiance.cli import main

main()
