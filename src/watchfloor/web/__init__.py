"""The web workbench: server-rendered pages over the service layer, served by the API's app."""
